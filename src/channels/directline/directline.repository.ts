import type { PinSealer } from '../pin-seal';
import type { Activity } from '@microsoft/agents-activity';
import type { Database, Queryable } from '../../db/database';
import { applyStateChanges } from '../../bot/bot-state.repository';
import type { HeldReply, StateChange } from '../../bot/turn-effects';

/** A stored Direct Line conversation. */
export interface ConversationRow {
  id: string;
  userId: string;
  startedAt: Date | null;
}

/** An activity as stored, with its watermark. */
export interface StoredActivity {
  seq: number;
  activity: Record<string, unknown>;
}

/**
 * How long a stored message's turn belongs to the process running it before a retry may run it. The process renews
 * the lease while the turn runs, so a short lease only bounds how long a dead replica's message waits.
 */
export const TURN_LEASE_SECONDS = 6;

/** The message whose turn a commit finishes. */
export interface TurnKey {
  conversationId: string;
  clientActivityId: string;
}

/** An uploaded file. */
export interface UploadRow {
  id: string;
  conversationId: string;
  contentType: string;
  name: string | null;
  size: number;
  data: Buffer;
}

/** SQL for Direct Line conversations, activities, uploads and the app's generated secrets. */
export class DirectLineRepository {
  /** With a sealer, PINs in bot messages are stored sealed and opened on the conversation's reads. */
  constructor(
    private readonly db: Database,
    private readonly pins?: PinSealer,
  ) {}

  private sealed(activity: Activity | Record<string, unknown>): Record<string, unknown> {
    const a = activity as Record<string, unknown>;
    const fromBot = (a.from as { role?: unknown } | undefined)?.role === 'bot';
    return this.pins && fromBot && typeof a.text === 'string' ? { ...a, text: this.pins.seal(a.text) } : a;
  }

  private revealed(activity: Record<string, unknown>): Record<string, unknown> {
    return this.pins && typeof activity.text === 'string'
      ? { ...activity, text: this.pins.reveal(activity.text) }
      : activity;
  }

  /** Creates a conversation for a server-chosen user id. */
  async createConversation(id: string, userId: string): Promise<void> {
    await this.db.query('INSERT INTO directline_conversation (id, user_id) VALUES ($1, $2)', [id, userId]);
  }

  /** Finds a conversation by id. */
  async findConversation(id: string): Promise<ConversationRow | null> {
    const { rows } = await this.db.query<{ id: string; user_id: string; started_at: Date | null }>(
      'SELECT id, user_id, started_at FROM directline_conversation WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? { id: row.id, userId: row.user_id, startedAt: row.started_at } : null;
  }

  /** Marks the conversation started; true only for the caller that started it (so the greeting runs once). */
  async markStarted(id: string): Promise<boolean> {
    const result = await this.db.query(
      'UPDATE directline_conversation SET started_at = now() WHERE id = $1 AND started_at IS NULL',
      [id],
    );
    return result.rowCount === 1;
  }

  /**
   * Appends an activity and returns its watermark. The conversation row's lock orders concurrent appends, so a
   * reader never sees seq N+1 committed before seq N.
   */
  async append(
    conversationId: string,
    activity: Activity | Record<string, unknown>,
    turnLeaseMs = TURN_LEASE_SECONDS * 1000,
  ): Promise<number> {
    return this.db.transaction((tx) => appendIn(tx, conversationId, this.sealed(activity), turnLeaseMs));
  }

  /**
   * Commits a turn's effects in one transaction: its state changes, its replies in order, and the done mark of
   * the message it answered. A retry then finds either all of them or none.
   */
  async commitTurn(
    state: readonly StateChange[],
    replies: readonly HeldReply[],
    done?: TurnKey,
  ): Promise<void> {
    if (state.length === 0 && replies.length === 0 && !done) return;
    await this.db.transaction(async (tx) => {
      await applyStateChanges(tx, state);
      for (const reply of replies) await appendIn(tx, reply.conversationId, this.sealed(reply.activity));
      if (done)
        await tx.query(
          `UPDATE directline_activity SET turn_done_at = now()
            WHERE conversation_id = $1 AND client_activity_id = $2 AND turn_done_at IS NULL`,
          [done.conversationId, done.clientActivityId],
        );
    });
  }

  /** Extends the lease of a turn this process is running (its heartbeat). */
  async renewTurnLease(turn: TurnKey, leaseMs = TURN_LEASE_SECONDS * 1000): Promise<void> {
    await this.db.query(
      `UPDATE directline_activity SET turn_lease_until = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
        WHERE conversation_id = $1 AND client_activity_id = $2 AND turn_done_at IS NULL`,
      [turn.conversationId, turn.clientActivityId, leaseMs],
    );
  }

  /** Gives up a turn that failed here, so a retry may run it at once instead of waiting out the lease. */
  async releaseTurn(turn: TurnKey): Promise<void> {
    await this.db.query(
      `UPDATE directline_activity SET turn_lease_until = NULL
        WHERE conversation_id = $1 AND client_activity_id = $2 AND turn_done_at IS NULL`,
      [turn.conversationId, turn.clientActivityId],
    );
  }

  /** Finds the activity a client already posted with this clientActivityID (retries are idempotent). */
  async findByClientActivityId(
    conversationId: string,
    clientActivityId: string,
  ): Promise<(StoredActivity & { turnDone: boolean }) | null> {
    const { rows } = await this.db.query<{
      seq: number;
      activity: Record<string, unknown>;
      turn_done: boolean;
    }>(
      `SELECT seq, activity, turn_done_at IS NOT NULL AS turn_done FROM directline_activity
        WHERE conversation_id = $1 AND client_activity_id = $2`,
      [conversationId, clientActivityId],
    );
    const row = rows[0];
    return row ? { seq: row.seq, activity: row.activity, turnDone: row.turn_done } : null;
  }

  /** Takes the turn of a stored message whose turn never finished and whose lease ran out; true when taken. */
  async claimTurn(conversationId: string, clientActivityId: string, leaseMs: number): Promise<boolean> {
    const r = await this.db.query(
      `UPDATE directline_activity SET turn_lease_until = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
        WHERE conversation_id = $1 AND client_activity_id = $2 AND turn_done_at IS NULL
          AND (turn_lease_until IS NULL OR turn_lease_until <= clock_timestamp())`,
      [conversationId, clientActivityId, leaseMs],
    );
    return r.rowCount === 1;
  }

  /** Activities after the watermark, oldest first. */
  async activitiesAfter(conversationId: string, watermark: number, limit = 500): Promise<StoredActivity[]> {
    const { rows } = await this.db.query<{ seq: number; activity: Record<string, unknown> }>(
      `SELECT seq, activity FROM directline_activity WHERE conversation_id = $1 AND seq > $2
       ORDER BY seq LIMIT $3`,
      [conversationId, watermark, limit],
    );
    return rows.map((r) => ({ seq: r.seq, activity: this.revealed(r.activity) }));
  }

  /** The conversation's current watermark (0 when empty). */
  async currentWatermark(conversationId: string): Promise<number> {
    const { rows } = await this.db.query<{ next_seq: number }>(
      'SELECT next_seq FROM directline_conversation WHERE id = $1',
      [conversationId],
    );
    return rows[0]?.next_seq ?? 0;
  }

  /** Stores an uploaded file. */
  async saveUpload(upload: UploadRow): Promise<void> {
    await this.db.query(
      `INSERT INTO directline_upload (id, conversation_id, content_type, name, size, data)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [upload.id, upload.conversationId, upload.contentType, upload.name, upload.size, upload.data],
    );
  }

  /** Bytes of files a conversation has uploaded so far (its quota). */
  async uploadedBytes(conversationId: string): Promise<number> {
    const { rows } = await this.db.query<{ total: string | number }>(
      'SELECT COALESCE(SUM(size), 0) AS total FROM directline_upload WHERE conversation_id = $1',
      [conversationId],
    );
    return Number(rows[0]?.total ?? 0);
  }

  /** Loads an uploaded file. */
  async findUpload(id: string): Promise<UploadRow | null> {
    const { rows } = await this.db.query<{
      id: string;
      conversation_id: string;
      content_type: string;
      name: string | null;
      size: number;
      data: Uint8Array;
    }>('SELECT id, conversation_id, content_type, name, size, data FROM directline_upload WHERE id = $1', [
      id,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      conversationId: row.conversation_id,
      contentType: row.content_type,
      name: row.name,
      size: row.size,
      data: Buffer.from(row.data),
    };
  }
}

async function appendIn(
  tx: Queryable,
  conversationId: string,
  activity: Activity | Record<string, unknown>,
  turnLeaseMs = TURN_LEASE_SECONDS * 1000,
): Promise<number> {
  // The conversation row's lock orders concurrent appends: a reader never sees seq N+1 committed before seq N.
  const { rows } = await tx.query<{ next_seq: number }>(
    `UPDATE directline_conversation SET next_seq = next_seq + 1, updated_at = now()
     WHERE id = $1 RETURNING next_seq`,
    [conversationId],
  );
  const seq = rows[0]?.next_seq;
  if (seq === undefined) throw new Error(`unknown conversation ${conversationId}`);
  await insertActivity(tx, conversationId, seq, activity as Record<string, unknown>, turnLeaseMs);
  return seq;
}

async function insertActivity(
  tx: Queryable,
  conversationId: string,
  seq: number,
  activity: Record<string, unknown>,
  turnLeaseMs: number,
): Promise<void> {
  const channelData = activity.channelData as { clientActivityID?: unknown } | undefined;
  const clientId = typeof channelData?.clientActivityID === 'string' ? channelData.clientActivityID : null;
  // A message with a clientActivityID leases its turn at once (see claimTurn): a retry must not run it meanwhile.
  await tx.query(
    `INSERT INTO directline_activity (conversation_id, seq, id, client_activity_id, activity, turn_lease_until)
     VALUES ($1, $2, $3, $4, $5,
             CASE WHEN $4::text IS NULL THEN NULL
                  ELSE clock_timestamp() + make_interval(secs => $6::double precision / 1000) END)`,
    [conversationId, seq, String(activity.id ?? ''), clientId, JSON.stringify(activity), turnLeaseMs],
  );
}
