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
): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const r = await tx.query<OutboxRow>(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = $2
       WHERE id IN (SELECT id FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
                    ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, event_key, channel, conversation_id, user_id, text, suggested_actions, attempts, status`,
      [now, leaseUntil, limit],
    );
    return r.rows;
  });
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
