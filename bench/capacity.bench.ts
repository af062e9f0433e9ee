import type { DirectLineConversation } from './directline.driver';
import { round, since, summarize, type LatencySummary } from './stats';

/** One offered rate of the open-loop run: what was offered, what came back, and how fast. */
export interface CapacityStep {
  offeredPerSecond: number;
  /** Answers per second over the step (offered turns completed ÷ the step's wall time, stragglers included). */
  achievedPerSecond: number;
  sent: number;
  errors: number;
  /** From the turn's scheduled start (queueing for a free conversation included) to the answer. */
  latency: LatencySummary;
  met: boolean;
}

/** Capacity at a latency objective: the highest offered rate whose p99 stayed within it. */
export interface CapacityFigures {
  objectiveP99Ms: number;
  /** Highest offered turns/s that met the objective (0 when the first step already failed). */
  turnsPerSecond: number;
  steps: CapacityStep[];
}

/** How the open-loop run steps up. */
export interface CapacityPlan {
  objectiveP99Ms: number;
  startRate: number;
  factor: number;
  maxSteps: number;
  stepMs: number;
}

/** One turn on a conversation: resolves with the time from its post to the answer, in ms. */
export type TurnOp = (conv: DirectLineConversation, n: number) => Promise<number>;

/**
 * Turns arrive at `rate` per second whatever the earlier ones are doing (citizens do not wait for each other).
 * A conversation runs one turn at a time, so an arrival takes the next free one of the pool, waiting if none is
 * free; its latency counts from when it was due, so a server that falls behind shows in the figures (no
 * coordinated omission).
 */
async function openLoopStep(
  pool: readonly DirectLineConversation[],
  rate: number,
  stepMs: number,
  op: TurnOp,
): Promise<CapacityStep> {
  const free = [...pool];
  const waiting: Array<(c: DirectLineConversation) => void> = [];
  const acquire = () =>
    free.length > 0
      ? Promise.resolve(free.shift()!)
      : new Promise<DirectLineConversation>((r) => waiting.push(r));
  const release = (c: DirectLineConversation) => {
    const next = waiting.shift();
    if (next) next(c);
    else free.push(c);
  };
  const samples: number[] = [];
  let errors = 0;
  const total = Math.max(1, Math.round((rate * stepMs) / 1000));
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      (async () => {
        const conv = await acquire();
        try {
          const queued = performance.now() - due;
          samples.push(Math.max(0, queued) + (await op(conv, n)));
        } catch {
          errors++;
        } finally {
          release(conv);
        }
      })(),
    );
  }
  await Promise.all(pending);
  const latency = summarize(samples);
  return {
    offeredPerSecond: round(rate),
    achievedPerSecond: round(samples.length / (since(started) / 1000)),
    sent: total,
    errors,
    latency,
    met: false,
  };
}

/**
 * Steps the offered rate up by `factor` until a step's p99 passes the objective (or more than 1 % fail);
 * capacity is the last rate that met it. `pool` must be large enough for the rate × the objective.
 */
export async function capacityAtObjective(
  pool: readonly DirectLineConversation[],
  plan: CapacityPlan,
  op: TurnOp,
): Promise<CapacityFigures> {
  const steps: CapacityStep[] = [];
  let capacity = 0;
  let rate = plan.startRate;
  for (let i = 0; i < plan.maxSteps; i++, rate *= plan.factor) {
    const step = await openLoopStep(pool, rate, plan.stepMs, op);
    step.met = step.latency.p99 <= plan.objectiveP99Ms && step.errors <= step.sent / 100;
    steps.push(step);
    if (!step.met) break;
    capacity = step.offeredPerSecond;
  }
  return { objectiveP99Ms: plan.objectiveP99Ms, turnsPerSecond: capacity, steps };
}
