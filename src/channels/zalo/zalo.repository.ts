import { maskStoredPin } from '../../text/pin-mask';
import type { Queryable } from '../../db/database';
import type { ZaloEvent } from './zalo.events';

/** A stored webhook event waiting to be processed. */
export interface StoredEvent {
  id: number;
  dedupe_key: string;
  event_name: string;
  payload: ZaloEvent;
  attempts: number;
}

/** SQL for the Zalo channel's tables: inbound events, sent messages and their receipts. */
export class ZaloRepository {
  constructor(private readonly db: Queryable) {}

  /** Stores an event once; returns false when Zalo redelivered one we already have. */
  async insertEvent(
    dedupeKey: string,
    event: ZaloEvent,
    userId: string | undefined,
    at: Date,
  ): Promise<boolean> {
    const r = await this.db.query(
      `INSERT INTO zalo_inbound_events (dedupe_key, event_name, user_id, payload, received_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (dedupe_key) DO NOTHING`,
      [dedupeKey, event.event_name, userId ?? null, JSON.stringify(event), at],
    );
    return r.rowCount === 1;
  }

  /** Records a signed event we will not process, with the reason (once: Zalo's redeliveries share the key). */
  async insertRejected(
    dedupeKey: string,
    eventName: string,
    payload: unknown,
    reason: string,
    at: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO zalo_inbound_events (dedupe_key, event_name, payload, received_at, next_attempt_at, status, reject_reason)
       VALUES ($1, $2, $3, $4, $4, 'rejected', $5) ON CONFLICT (dedupe_key) DO NOTHING`,
      [dedupeKey, eventName, payload === null ? null : JSON.stringify(payload), at, reason],
    );
  }

  /**
   * Claims due events for a lease without holding a transaction while they are processed (PGlite has one
   * connection: a held transaction would block the handler's own queries). A crash leaves the lease to expire.
   * An event waits while an earlier one of the same user is pending (leased by a replica that died, or backing
   * off): a citizen's "Gửi phản ánh" must reach the dialog before the message they wrote after it.
   */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<StoredEvent[]> {
    const r = await this.db.query<StoredEvent>(
      `UPDATE zalo_inbound_events e SET attempts = e.attempts + 1, next_attempt_at = $2
        WHERE e.id IN (SELECT d.id FROM zalo_inbound_events d
                        WHERE d.status = 'pending' AND d.next_attempt_at <= $1
                          AND NOT EXISTS (SELECT 1 FROM zalo_inbound_events p
                                           WHERE p.user_id = d.user_id AND p.status = 'pending' AND p.id < d.id)
                        ORDER BY d.id LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING e.id, e.dedupe_key, e.event_name, e.payload, e.attempts`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return r.rows.sort((a, b) => a.id - b.id);
  }

  /** Extends the lease of an event this process is running (only while its claim is the latest). */
  async renewLease(id: number, attempts: number, until: Date): Promise<void> {
    await this.db.query(
      `UPDATE zalo_inbound_events SET next_attempt_at = $3 WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [id, attempts, until],
    );
  }

  /** Marks an event processed. */
  async markDone(id: number, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE zalo_inbound_events SET status = 'done', processed_at = $2, last_error = NULL WHERE id = $1`,
      [id, at],
    );
  }

  /**
   * Records a failure: retried at `retryAt`, or failed for good when retryAt is null. Only the claim that ran it
   * (`attempts`) may, and only while the event is pending: a turn that committed is never revived.
   */
  async markFailed(id: number, error: string, retryAt: Date | null, attempts?: number): Promise<void> {
    await this.db.query(
      `UPDATE zalo_inbound_events SET last_error = $2, status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = COALESCE($3::timestamptz, next_attempt_at)
        WHERE id = $1 AND status = 'pending' AND ($4::int IS NULL OR attempts = $4)`,
      [id, error.slice(0, 500), retryAt, attempts ?? null],
    );
  }

  /** Counts events by status (for readiness and tests). */
  async countByStatus(): Promise<Record<string, number>> {
    const r = await this.db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM zalo_inbound_events GROUP BY status',
    );
    return Object.fromEntries(r.rows.map((row) => [row.status, row.n]));
  }

  /** Records the Zalo message ids a delivery produced, with the text sent (for the case page's transcript). */
  async recordSent(
    messageIds: string[],
    userId: string,
    deliveryKey: string,
    at: Date,
    text: string | null = null,
  ): Promise<void> {
    for (const id of messageIds.filter(Boolean)) {
      await this.db.query(
        `INSERT INTO zalo_sent_messages (message_id, user_id, delivery_key, sent_at, text) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (message_id) DO NOTHING`,
        [id, userId, deliveryKey, at, text === null ? null : maskStoredPin(text)],
      );
    }
  }

  /** The message ids already sent for a delivery key (a retried outbox row must not send again). */
  async sentFor(deliveryKey: string): Promise<string[]> {
    const r = await this.db.query<{ message_id: string }>(
      'SELECT message_id FROM zalo_sent_messages WHERE delivery_key = $1 ORDER BY sent_at',
      [deliveryKey],
    );
    return r.rows.map((row) => row.message_id);
  }

  /** Stores a delivery or read receipt on the messages it names. */
  async recordReceipt(messageIds: string[], receipt: 'received' | 'seen', at: Date): Promise<number> {
    if (messageIds.length === 0) return 0;
    const column = receipt === 'seen' ? 'seen_at' : 'received_at';
    const r = await this.db.query(
      `UPDATE zalo_sent_messages SET ${column} = COALESCE(${column}, $2) WHERE message_id = ANY($1::text[])`,
      [messageIds, at],
    );
    return r.rowCount;
  }
}

/** SQL for per-user conversation state on Zalo (numbered choices, follow status). */
export class ZaloConversationRepository {
  constructor(private readonly db: Queryable) {}

  /** Remembers the choices of the bot's latest message (an empty list clears them). */
  async setChoices(userId: string, choices: string[], at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO zalo_conversations (user_id, last_choices, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET last_choices = EXCLUDED.last_choices, updated_at = EXCLUDED.updated_at`,
      [userId, JSON.stringify(choices), at],
    );
  }

  /** The choices a numbered reply refers to. */
  async choices(userId: string): Promise<string[]> {
    const r = await this.db.query<{ last_choices: string[] }>(
      'SELECT last_choices FROM zalo_conversations WHERE user_id = $1',
      [userId],
    );
    return r.rows[0]?.last_choices ?? [];
  }

  /** Records a message from the user (it reopens Zalo's interaction window) and their follow status. */
  async touch(userId: string, at: Date, following?: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO zalo_conversations (user_id, last_inbound_at, following, updated_at) VALUES ($1, $2, COALESCE($3, true), $2)
       ON CONFLICT (user_id) DO UPDATE SET last_inbound_at = EXCLUDED.last_inbound_at,
         following = COALESCE($3, zalo_conversations.following), updated_at = EXCLUDED.updated_at`,
      [userId, at, following ?? null],
    );
  }
}

/** SQL for photos kept from Zalo's CDN. */
export class ZaloMediaRepository {
  constructor(private readonly db: Queryable) {}

  /** The type of a kept photo, or null when it is not stored. */
  async mediaType(id: string): Promise<string | null> {
    const r = await this.db.query<{ content_type: string }>(
      'SELECT content_type FROM zalo_media WHERE id = $1',
      [id],
    );
    return r.rows[0]?.content_type ?? null;
  }

  /** Stores a photo once (a re-run turn finds it there). */
  async insertMedia(m: { id: string; userId: string; messageId: string; contentType: string; data: Buffer }) {
    await this.db.query(
      `INSERT INTO zalo_media (id, user_id, message_id, content_type, size, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING`,
      [m.id, m.userId, m.messageId, m.contentType, m.data.length, m.data],
    );
  }
}
