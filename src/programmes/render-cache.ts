/** What a cached value was made from: the programme data version the database holds, and the day in Vietnam. */
export interface Stamp {
  version: bigint;
  day: string;
}

const newer = (a: Stamp, b: Stamp) => a.day > b.day || (a.day === b.day && a.version > b.version);

/**
 * Values made from the programme data (the read of every item's status, rendered pages and JSON), kept while the
 * stamp read from the database stays the same. Every change to that data moves the version in the writer's
 * transaction (migration 0620), so a replica that reads the version first and the data after never keeps a value
 * older than what the database held when the version was read: a report filed on any replica is shown by every
 * replica on its next request. Concurrent requests for one value share one making of it.
 */
export class VersionedCache {
  private stamp: Stamp | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 200) {}

  /** The value named `name` at `stamp`, made by `make` the first time it is asked for at that stamp. */
  get<T>(stamp: Stamp, name: string, make: () => Promise<T>): Promise<T> {
    // A request that read an older stamp than the cache holds (a write landed meanwhile) is not cached.
    if (this.stamp && newer(this.stamp, stamp)) return make();
    if (!this.stamp || newer(stamp, this.stamp)) {
      this.stamp = stamp;
      this.entries.clear();
    }
    const held = this.entries.get(name) as Promise<T> | undefined;
    if (held) return held;
    // Oldest first out when the filters people use add up (each filter and page is its own entry).
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const made = make();
    this.entries.set(name, made);
    made.catch(() => {
      if (this.entries.get(name) === made) this.entries.delete(name);
    });
    return made;
  }
}
