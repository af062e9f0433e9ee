import type { Logger } from 'pino';
import type { Database } from '../../../src/db/database';
import type { DeliveryResult, OutboundChannel, OutboundMessage } from '../../../src/ports';
import { createTickets, type TicketsModule } from '../../../src/tickets/tickets.module';
import { memoryLogger, testConfig } from '../../helpers/app';

/** A clock tests move by hand. */
export class FakeClock {
  constructor(public now: Date) {}
  readonly get = (): Date => new Date(this.now);
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

/**
 * A small real in-process channel: records what it is asked to deliver and, like a channel should, ignores a
 * message id it has already delivered. `failNext` makes the next attempts fail (an outage on the far side).
 */
export class RecordingChannel implements OutboundChannel {
  readonly requests: OutboundMessage[] = [];
  readonly delivered = new Map<string, OutboundMessage>();
  failNext = 0;

  constructor(readonly channel: string) {}

  async deliver(message: OutboundMessage): Promise<DeliveryResult> {
    this.requests.push(message);
    if (this.failNext > 0) {
      this.failNext--;
      return { ok: false, permanent: false, error: 'upstream 503' };
    }
    if (!this.delivered.has(message.id)) this.delivered.set(message.id, message);
    return { ok: true, externalId: `ext-${message.id}` };
  }
}

/** The tickets area on a test database, with a fake clock at a Wednesday morning in Vietnam. */
export async function ticketsOn(
  db: Database,
  opts: { now?: string; nextCode?: () => string; logger?: Logger } = {},
): Promise<{ t: TicketsModule; clock: FakeClock }> {
  const clock = new FakeClock(new Date(opts.now ?? '2026-03-04T02:00:00Z'));
  const t = await createTickets({
    db,
    config: testConfig(),
    logger: opts.logger ?? memoryLogger('silent').logger,
    clock: clock.get,
    ...(opts.nextCode ? { nextCode: opts.nextCode } : {}),
  });
  return { t, clock };
}

let seq = 0;
/** A ticket input from the web chat with a fresh idempotency key. */
export function webTicket(description: string, extra: Record<string, unknown> = {}) {
  seq++;
  return {
    kind: 'feedback' as const,
    description,
    origin: { channel: 'directline', conversationId: `conv-${seq}`, userId: `user-${seq}` },
    idempotencyKey: `msg-${seq}-${Math.random()}`,
    ...extra,
  };
}
