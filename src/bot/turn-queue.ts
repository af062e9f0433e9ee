/**
 * Runs tasks one at a time per key, in arrival order. Bot turns of one conversation go through it so two fast
 * messages cannot read the same dialog stack and overwrite each other's result (the SDK writes state with eTag `*`).
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs task after every earlier task of the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have work queued or running (for tests and metrics). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
