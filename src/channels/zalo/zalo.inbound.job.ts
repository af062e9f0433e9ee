import type { Logger } from 'pino';
import { runAsOneUnit, type HeldReply, type StateChange } from '../../bot/turn-effects';
import { whileRenewing } from '../../db/lease';
import type { Job } from '../../jobs/job-runner';
import { toInbound, type ZaloInbound } from './zalo.events';
import type { StoredEvent, ZaloRepository } from './zalo.repository';
import { ZaloLeaseLostError, type ZaloTurnRepository } from './zalo.turn.repository';
import type { Timer } from '../../reference/clock';

/** The conversation layer (the bot adapter) that acts on what a citizen did on Zalo. */
export interface ZaloConversationHandler {
  handle(inbound: Exclude<ZaloInbound, { kind: 'ignored' | 'receipt' }>): Promise<void>;
}

/** What one pass of the inbound worker needs. */
export interface InboundDeps {
  repo: ZaloRepository;
  turns: ZaloTurnRepository;
  handler: ZaloConversationHandler;
  clock: Timer;
  logger: Logger;
  /** How long a claimed event is this process's (ZALO_EVENT_LEASE_MS); default 60 s. */
  leaseMs?: number;
  /** How many users' events run at once (ZALO_INBOUND_CONCURRENCY); default 8. */
  concurrency?: number;
  /** Called after a turn committed replies for this user: the outbox sends them (awaited, in this worker). */
  onReplies?: (userId: string) => Promise<void>;
}

const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

/** Retry delay after the nth failed attempt: 2 s, 4 s, 8 s, 16 s. */
export function retryDelayMs(attempt: number): number {
  return 1000 * 2 ** attempt;
}

type Outcome = 'done' | 'failed' | 'lost';

/**
 * Runs one event's turn as one unit: the bot's state, its replies (queued in the outbox, not sent) and the done
 * mark commit together, so a failed send never re-runs the turn and a crash mid-turn re-runs it from scratch.
 */
async function runTurn(
  event: StoredEvent,
  inbound: Parameters<ZaloConversationHandler['handle']>[0],
  deps: InboundDeps,
): Promise<Outcome> {
  let first = true;
  let lost = false;
  let replyIndex = 0;
  const commit = async (state: StateChange[], replies: HeldReply[]) => {
    if (lost) return;
    try {
      await deps.turns.commit(event, state, replies, { first, replyIndex, now: deps.clock.now() });
    } catch (err) {
      if (err instanceof ZaloLeaseLostError) lost = true;
      throw err;
    }
    first = false;
    replyIndex += replies.length;
  };
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const renew = () =>
    deps.repo.renewLease(event.id, event.attempts, new Date(deps.clock.now().getTime() + leaseMs));
  try {
    await whileRenewing(renew, leaseMs / 3, () => runAsOneUnit(commit, () => deps.handler.handle(inbound)));
  } catch (err) {
    if (!lost) throw err;
  }
  if (lost) return 'lost';
  // Sent right after the commit by this worker; a failure stays in the outbox for its job to retry.
  if (replyIndex > 0) await deps.onReplies?.(inbound.userId).catch(() => undefined);
  return 'done';
}

async function processOne(event: StoredEvent, deps: InboundDeps): Promise<Outcome> {
  const { repo, clock, logger } = deps;
  try {
    const inbound = toInbound(event.payload);
    if (inbound.kind === 'receipt')
      await repo.recordReceipt(inbound.messageIds, inbound.receipt, clock.now());
    else if (inbound.kind === 'ignored')
      logger.info({ event: event.event_name, reason: inbound.reason }, 'Zalo event ignored');
    else return await runTurn(event, inbound, deps);
    await repo.markDone(event.id, clock.now());
    return 'done';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const retryAt =
      event.attempts < MAX_ATTEMPTS ? new Date(clock.now().getTime() + retryDelayMs(event.attempts)) : null;
    logger.error(
      { eventId: event.id, attempts: event.attempts, err: message },
      'Zalo event processing failed',
    );
    await repo.markFailed(event.id, message, retryAt, event.attempts);
    return 'failed';
  }
}

/**
 * Processes due webhook events, several users at once: a claim holds at most one event per user (the earliest
 * pending), so each user's events still run in arrival order while other users' run beside them. A worker that
 * runs out of claimed events claims more (one claim at a time), so a slow turn never holds the others back.
 */
export async function processZaloEvents(
  input: { limit: number },
  deps: InboundDeps,
): Promise<{ done: number; failed: number }> {
  const concurrency = deps.concurrency ?? 8;
  const counts = { done: 0, failed: 0, lost: 0 };
  const queue: StoredEvent[] = [];
  let claiming: Promise<boolean> | undefined;
  let claimed = 0;
  // True when the claim found work; a pass ends when a claim finds none or `limit` events were claimed.
  const refill = () =>
    (claiming ??= (async () => {
      if (claimed >= input.limit) return false;
      const want = Math.min(concurrency, input.limit - claimed);
      const events = await deps.repo.claimDue(deps.clock.now(), deps.leaseMs ?? LEASE_MS, want);
      claimed += events.length;
      queue.push(...events);
      return events.length > 0;
    })().finally(() => (claiming = undefined)));
  let active = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  // Workers stop when a claim finds nothing; one that finds more starts others again, up to `concurrency`.
  const spawn = () => {
    while (active < concurrency && queue.length > 0) {
      active++;
      void worker()
        .catch((err: unknown) => deps.logger.error({ err }, 'Zalo inbound worker failed'))
        .finally(() => --active === 0 && finish());
    }
  };
  const worker = async () => {
    for (;;) {
      const event = queue.shift();
      if (event) counts[await processOne(event, deps)]++;
      else if (await refill()) spawn();
      else return;
    }
  };
  if (await refill()) {
    spawn();
    await finished;
  }
  if (counts.lost > 0)
    deps.logger.warn({ lost: counts.lost }, 'Zalo events claimed again by another replica');
  return { done: counts.done, failed: counts.failed };
}

/** The job that processes due webhook events: on a timer and kicked right after a webhook is acknowledged. */
export const ZALO_INBOUND_JOB = 'zalo-inbound';

/** processZaloEvents as a job; a pass that made progress goes round again (a user's next event is due now). */
export function zaloInboundJob(deps: InboundDeps, intervalMs = 1000): Job {
  // A pass ends (and the next starts) after this many events: few barriers under load, and a bounded pass.
  const limit = Math.max(20, (deps.concurrency ?? 8) * 25);
  return {
    name: ZALO_INBOUND_JOB,
    intervalMs,
    perform: async () => {
      const pass = await processZaloEvents({ limit }, deps);
      return { more: pass.done + pass.failed > 0 };
    },
  };
}
