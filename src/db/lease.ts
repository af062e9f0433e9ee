/**
 * Runs task while calling renew every `everyMs` (a lease's heartbeat), so a short lease is kept as long as the
 * work runs and lapses soon after its process dies. A failed renewal is retried at the next beat.
 */
export async function whileRenewing<T>(
  renew: () => Promise<unknown>,
  everyMs: number,
  task: () => Promise<T>,
): Promise<T> {
  let beating = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    renew()
      .catch(() => undefined)
      .finally(() => (beating = false));
  }, everyMs);
  try {
    return await task();
  } finally {
    clearInterval(timer);
  }
}
