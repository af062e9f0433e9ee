import { round, since, summarize, type LatencySummary } from './stats';

/** Throughput and latency of one closed-loop run at a fixed concurrency. */
export interface LoadFigures {
  concurrency: number;
  count: number;
  errors: number;
  seconds: number;
  /** Completed operations per second. */
  throughput: number;
  latency: LatencySummary;
}

/**
 * Closed loop: `concurrency` workers each run `op` back to back until `durationMs` is up; `op` returns the
 * latency to record. Errors are counted, not thrown (a server that fails under load is a figure too).
 */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  op: (worker: number, n: number) => Promise<number>,
): Promise<LoadFigures> {
  const samples: number[] = [];
  let errors = 0;
  const started = performance.now();
  const worker = async (w: number) => {
    for (let n = 0; since(started) < durationMs; n++) {
      try {
        samples.push(await op(w, n));
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = since(started) / 1000;
  return {
    concurrency,
    count: samples.length,
    errors,
    seconds: round(seconds),
    throughput: round(samples.length / seconds),
    latency: summarize(samples),
  };
}

/**
 * Open loop: starts `op` every 1000/rate ms for `durationMs` whatever the previous ones are doing (a webhook
 * sender does not wait for our answers), then waits for the stragglers.
 */
export async function openLoop(
  rate: number,
  durationMs: number,
  op: (n: number) => Promise<number>,
): Promise<{ sent: number; errors: number; seconds: number; latency: LatencySummary }> {
  const samples: number[] = [];
  const pending: Array<Promise<void>> = [];
  let errors = 0;
  const total = Math.round((rate * durationMs) / 1000);
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = (n * 1000) / rate;
    const wait = due - since(started);
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      op(n).then(
        (ms) => void samples.push(ms),
        () => void errors++,
      ),
    );
  }
  await Promise.all(pending);
  return { sent: total, errors, seconds: round(since(started) / 1000), latency: summarize(samples) };
}
