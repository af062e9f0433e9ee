import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import type { DeliveryResult, OutboundChannel, OutboundMessage } from '../../ports';
import {
  claimDueMessages,
  markFailedAttempt,
  markSent,
  recordDeliveryOutcome,
  recordUndelivered,
  releaseClaimed,
  type OutboxRow,
} from './outbox.repository';

/** Channels that can deliver proactively, by channel id; Direct Line and Zalo register theirs at start. */
export class OutboundChannelRegistry {
  private readonly channels = new Map<string, OutboundChannel>();

  /** Adds (or replaces) the channel for its id. */
  register(channel: OutboundChannel): void {
    this.channels.set(channel.channel, channel);
  }

  /** The channel for an id, if registered. */
  get(id: string): OutboundChannel | undefined {
    return this.channels.get(id);
  }
}

/** What one delivery pass needs. */
/** Conversations one outbox pass delivers to at once, unless `OutboxDeps.concurrency` says otherwise. */
export const OUTBOX_CONCURRENCY = 8;

export interface OutboxDeps {
  db: Database;
  channels: OutboundChannelRegistry;
  logger: Logger;
  maxAttempts: number;
  /** How long a claimed row stays with its worker before another may retry it. */
  leaseMs: number;
  backoffBaseMs: number;
  batchSize?: number;
  /** Conversations delivered to at once (a conversation's own rows leave one after another, in order). */
  concurrency?: number;
}

/** Outcome counts of one pass. */
export interface OutboxPassResult {
  sent: number;
  retried: number;
  failed: number;
}

const MAX_BACKOFF_MS = 3600_000;

/** The retry delay after `attempts` failed attempts: exponential, capped at one hour. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The message handed to a channel; `id` is the outbox row id, stable across retries, so the channel can dedupe. */
export function toOutbound(row: OutboxRow): OutboundMessage {
  return {
    id: `outbox-${row.id}`,
    to: { channel: row.channel, conversationId: row.conversation_id, userId: row.user_id },
    text: row.text,
    ...(row.suggested_actions ? { suggestedActions: row.suggested_actions } : {}),
    // The event is the key's last part ("ticket:<id>:created" → "created"): a channel may add to a receipt.
    ...(row.tracking_code
      ? { ticket: { trackingCode: row.tracking_code, event: row.event_key.split(':').at(-1) } }
      : {}),
  };
}

/**
 * One delivery pass at the instant `now` (of one conversation's rows with `only`): claim due rows, deliver several conversations at once, each
 * conversation's rows in order; a row that will be retried holds back the rest of its conversation.
 */
export async function performOutbox(
  input: { now: Date; only?: { channel: string; conversationId: string } },
  deps: OutboxDeps,
): Promise<OutboxPassResult> {
  const result: OutboxPassResult = { sent: 0, retried: 0, failed: 0 };
  const rows = await claimDueMessages(
    deps.db,
    input.now,
    new Date(input.now.getTime() + deps.leaseMs),
    deps.batchSize ?? 20,
    input.only,
  );
  const groups = byConversation(rows);
  const deliverGroup = async (group: OutboxRow[]) => {
    for (const [i, row] of group.entries()) {
      const outcome = await settleOne(row, input.now, deps);
      result[outcome]++;
      if (outcome !== 'retried') continue;
      await releaseClaimed(
        deps.db,
        group.slice(i + 1).map((r) => r.id),
        input.now,
      );
      return;
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < groups.length) await deliverGroup(groups[next++]!);
  };
  await Promise.all(
    Array.from({ length: Math.min(deps.concurrency ?? OUTBOX_CONCURRENCY, groups.length) }, worker),
  );
  return result;
}

// Rows of one conversation, in claim (id) order; conversations in the order their first row was claimed.
function byConversation(rows: OutboxRow[]): OutboxRow[][] {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.conversation_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

async function settleOne(row: OutboxRow, now: Date, deps: OutboxDeps): Promise<keyof OutboxPassResult> {
  const outcome = await deliverOne(row, deps);
  if (outcome.ok) {
    await markSent(deps.db, row.id, now, outcome.externalId ?? null);
    await recordDeliveryOutcome(deps.db, row, outcome.via === 'template' ? 'sent_template' : 'sent', now);
    return 'sent';
  }
  const giveUp = outcome.permanent || row.attempts >= deps.maxAttempts;
  const retryAt = giveUp ? null : new Date(now.getTime() + backoffMs(row.attempts, deps.backoffBaseMs));
  await markFailedAttempt(deps.db, row.id, outcome.error, retryAt);
  if (giveUp) await recordUndelivered(deps.db, row, outcome.error, now);
  deps.logger.warn(
    { outboxId: row.id, channel: row.channel, attempts: row.attempts, giveUp, error: outcome.error },
    'outbound delivery failed',
  );
  return giveUp ? 'failed' : 'retried';
}

async function deliverOne(row: OutboxRow, deps: OutboxDeps): Promise<DeliveryResult> {
  const channel = deps.channels.get(row.channel);
  if (!channel)
    return { ok: false as const, permanent: false, error: `no channel registered for ${row.channel}` };
  try {
    return await channel.deliver(toOutbound(row));
  } catch (err) {
    return { ok: false as const, permanent: false, error: err instanceof Error ? err.message : String(err) };
  }
}
