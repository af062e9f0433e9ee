import type { Database, Queryable } from '../../db/database';
import type { ConversationRef } from '../../ports';

/** A message to queue for one event; the event key makes queueing it twice a no-op. */
export interface OutboxInsert {
  eventKey: string;
  ticketId: string | null;
  to: ConversationRef;
  text: string;
  suggestedActions?: string[];
  now: Date;
}

/** A claimed outbox row. */
export interface OutboxRow {
  id: number;
  event_key: string;
  channel: string;
  conversation_id: string;
  user_id: string;
  text: string;
  suggested_actions: string[] | null;
  attempts: number;
  status: string;
  ticket_id: string | null;
  /** The ticket's tracking code, for channels that deliver it in a template. */
  tracking_code?: string | null;
}

/** Queues a message; returns false when this event already has one. */
export async function enqueueMessage(tx: Queryable, m: OutboxInsert): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO outbox (event_key, ticket_id, channel, conversation_id, user_id, text, suggested_actions, next_attempt_at, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$8) ON CONFLICT (event_key) DO NOTHING`,
    [
      m.eventKey,
      m.ticketId,
      m.to.channel,
      m.to.conversationId,
      m.to.userId,
      m.text,
      m.suggestedActions ? JSON.stringify(m.suggestedActions) : null,
      m.now,
    ],
  );
  return r.rowCount > 0;
}

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED and leases them until `leaseUntil`: a replica that dies mid-delivery
 * leaves a row in 'sending' whose lease runs out, and another worker picks it up again (at-least-once).
 */
export async function claimDueMessages(
  db: Database,
  now: Date,
  leaseUntil: Date,
  limit: number,
  only?: { channel: string; conversationId: string },
): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    // A row waits while an earlier row of its conversation is unsent and not due (backing off, or leased by
    // another worker): a citizen reads a turn's replies, and a ticket's messages, in the order they were queued.
    // Rows of one conversation that are all due are claimed together, oldest first (the limit never skips one).
    const r = await tx.query<OutboxRow>(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = $2
       WHERE id IN (SELECT d.id FROM outbox d WHERE d.status IN ('pending', 'sending') AND d.next_attempt_at <= $1
                      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.channel = d.channel
                                        AND p.conversation_id = d.conversation_id AND p.id < d.id
                                        AND p.status IN ('pending', 'sending') AND p.next_attempt_at > $1)
                      AND ($4::text IS NULL OR (d.channel = $4 AND d.conversation_id = $5))
                    ORDER BY d.id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, event_key, channel, conversation_id, user_id, text, suggested_actions, attempts, status, ticket_id,
         (SELECT t.tracking_code FROM tickets t WHERE t.id = outbox.ticket_id) AS tracking_code`,
      [now, leaseUntil, limit, only?.channel ?? null, only?.conversationId ?? null],
    );
    // RETURNING follows no order: a conversation's rows are delivered in queue order.
    return r.rows.sort((a, b) => Number(a.id) - Number(b.id));
  });
}

/** Hands claimed rows back untried (an earlier row of their conversation failed and must go first). */
export async function releaseClaimed(db: Queryable, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox SET status = 'pending', attempts = attempts - 1, next_attempt_at = $2
      WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
    [ids, now],
  );
}

/** Records a delivery. */
export async function markSent(
  db: Queryable,
  id: number,
  now: Date,
  externalId: string | null,
): Promise<void> {
  await db.query(
    `UPDATE outbox SET status = 'sent', sent_at = $2, external_id = $3, last_error = NULL WHERE id = $1`,
    [id, now, externalId],
  );
}

/** Records a failed attempt: retried at `retryAt`, or given up when `retryAt` is null. */
export async function markFailedAttempt(
  db: Queryable,
  id: number,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db.query(
    `UPDATE outbox SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = COALESCE($3::timestamptz, next_attempt_at), last_error = $2 WHERE id = $1`,
    [id, error.slice(0, 500), retryAt],
  );
}

/** Status of the messages of one ticket, oldest first (for the portal and tests). */
export async function listTicketMessages(
  db: Queryable,
  ticketId: string,
): Promise<Array<{ id: number; event_key: string; status: string; attempts: number; text: string }>> {
  const r = await db.query<{ id: number; event_key: string; status: string; attempts: number; text: string }>(
    'SELECT id, event_key, status, attempts, text FROM outbox WHERE ticket_id = $1 ORDER BY id',
    [ticketId],
  );
  return r.rows;
}

/** How a delivery attempt ended, as the case page shows it. */
export type DeliveryOutcome = 'sent' | 'sent_template' | 'waiting_window' | 'failed';

const OUTCOME_EVENT: Record<DeliveryOutcome, string> = {
  sent: 'delivery_sent',
  sent_template: 'delivery_sent_template',
  waiting_window: 'delivery_waiting_window',
  failed: 'delivery_failed',
};

/**
 * Puts a delivery's outcome on its ticket's history: sent, sent by template, waiting for the citizen to write
 * again (the channel's window is closed), or undeliverable. Staff see it on the case page; the public timeline
 * does not (no status).
 */
export async function recordDeliveryOutcome(
  db: Queryable,
  row: OutboxRow,
  outcome: DeliveryOutcome,
  now: Date,
  note: string | null = null,
): Promise<void> {
  if (!row.ticket_id) return;
  await db.query(
    `INSERT INTO ticket_events (ticket_id, at, actor, type, note, data) VALUES ($1, $2, 'system', $3, $4, $5::jsonb)`,
    [
      row.ticket_id,
      now,
      OUTCOME_EVENT[outcome],
      note?.slice(0, 300) ?? null,
      JSON.stringify({ outboxId: row.id, channel: row.channel }),
    ],
  );
}

/** Puts a ticket's undeliverable message on its history (a closed window is recorded as waiting for it). */
export async function recordUndelivered(
  db: Queryable,
  row: OutboxRow,
  error: string,
  now: Date,
): Promise<void> {
  const outcome = error.startsWith('outside_window') ? 'waiting_window' : 'failed';
  await recordDeliveryOutcome(db, row, outcome, now, error);
}

/**
 * Messages refused because the citizen's channel window was closed (Zalo: no interaction for 7 days) go out again
 * once the citizen writes: the window is open again. Returns how many were queued.
 */
export async function requeueWaiting(
  db: Queryable,
  channel: string,
  userId: string,
  now: Date,
): Promise<number> {
  const r = await db.query(
    `UPDATE outbox SET status = 'pending', next_attempt_at = $3, attempts = 0
      WHERE channel = $1 AND user_id = $2 AND status = 'failed' AND last_error LIKE 'outside_window%'`,
    [channel, userId, now],
  );
  return r.rowCount;
}
