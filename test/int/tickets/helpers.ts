import type { Logger } from 'pino';
import type { Database } from '../../../src/db/database';
import type { DeliveryResult, OutboundChannel, OutboundMessage } from '../../../src/ports';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { testSystem, type TestSystem } from '../../helpers/system';

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

/**
 * The system on a test database with a fake clock at a Wednesday morning in Vietnam; `t` is its tickets area.
 * Building it seeds the reference data (agencies, units, holidays), as every start does.
 */
export async function ticketsOn(
  db: Database,
  opts: { now?: string; nextCode?: () => string; logger?: Logger; env?: Record<string, string> } = {},
): Promise<{ t: TicketsModule; clock: FakeClock; system: TestSystem }> {
  const clock = new FakeClock(new Date(opts.now ?? '2026-03-04T02:00:00Z'));
  const system = await testSystem({ ...opts, db, now: clock.get });
  return { t: system.tickets, clock, system };
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
