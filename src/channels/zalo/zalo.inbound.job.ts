import type { Logger } from 'pino';
import type { Job } from '../../jobs/job-runner';
import { toInbound, type ZaloInbound } from './zalo.events';
import type { ZaloRepository } from './zalo.repository';
import type { Timer } from '../../reference/clock';

/** The conversation layer (the bot adapter) that acts on what a citizen did on Zalo. */
export interface ZaloConversationHandler {
  handle(inbound: Exclude<ZaloInbound, { kind: 'ignored' | 'receipt' }>): Promise<void>;
}

/** What one pass of the inbound worker needs. */
export interface InboundDeps {
  repo: ZaloRepository;
  handler: ZaloConversationHandler;
  clock: Timer;
  logger: Logger;
  /** How long a claimed event is this process's (ZALO_EVENT_LEASE_MS); default 60 s. */
  leaseMs?: number;
}

const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

/** Retry delay after the nth failed attempt: 2 s, 4 s, 8 s, 16 s. */
export function retryDelayMs(attempt: number): number {
  return 1000 * 2 ** attempt;
}

/** Processes due webhook events in arrival order: receipts are recorded, messages go to the handler. */
export async function processZaloEvents(
  input: { limit: number },
  deps: InboundDeps,
): Promise<{ done: number; failed: number }> {
  const { repo, handler, clock, logger } = deps;
  const events = await repo.claimDue(clock.now(), deps.leaseMs ?? LEASE_MS, input.limit);
  let done = 0;
  let failed = 0;
  for (const event of events) {
    try {
      const inbound = toInbound(event.payload);
      if (inbound.kind === 'receipt')
        await repo.recordReceipt(inbound.messageIds, inbound.receipt, clock.now());
      else if (inbound.kind === 'ignored')
        logger.info({ event: event.event_name, reason: inbound.reason }, 'Zalo event ignored');
      else await handler.handle(inbound);
      await repo.markDone(event.id, clock.now());
      done++;
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      const retryAt =
        event.attempts < MAX_ATTEMPTS ? new Date(clock.now().getTime() + retryDelayMs(event.attempts)) : null;
      logger.error(
        { eventId: event.id, attempts: event.attempts, err: message },
        'Zalo event processing failed',
      );
      await repo.markFailed(event.id, message, retryAt);
    }
  }
  return { done, failed };
}

/** The job that processes due webhook events: on a timer and kicked right after a webhook is acknowledged. */
export const ZALO_INBOUND_JOB = 'zalo-inbound';

/** processZaloEvents as a job; a pass that made progress goes round again (a user's next event is due now). */
export function zaloInboundJob(deps: InboundDeps, intervalMs = 1000): Job {
  return {
    name: ZALO_INBOUND_JOB,
    intervalMs,
    perform: async () => {
      const pass = await processZaloEvents({ limit: 20 }, deps);
      return { more: pass.done + pass.failed > 0 };
    },
  };
}
