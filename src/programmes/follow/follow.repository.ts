import type { Queryable } from '../../db/database';
import type { ConversationRef } from '../../ports';

/** Records a citizen following an item (following twice changes nothing). */
export async function addFollower(db: Queryable, code: string, ref: ConversationRef): Promise<void> {
  await db.query(
    `INSERT INTO programme_followers (item_code, channel, conversation_id, user_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (item_code, channel, user_id) DO UPDATE SET conversation_id = EXCLUDED.conversation_id`,
    [code, ref.channel, ref.conversationId, ref.userId],
  );
}

/** Sets the status followers were last told about, unless one is already recorded. */
export async function initNotifiedStatus(db: Queryable, code: string, status: string): Promise<void> {
  await db.query(
    `UPDATE programme_items SET notified_status = $2 WHERE code = $1 AND notified_status IS NULL`,
    [code, status],
  );
}

/** Codes of the items someone follows (or just `code`, when it is followed). */
export async function followedCodes(db: Queryable, code: string | null = null): Promise<string[]> {
  const r = await db.query<{ item_code: string }>(
    `SELECT item_code FROM programme_followers WHERE $1::text IS NULL OR item_code = $1
     UNION SELECT item_code FROM programme_staff_followers WHERE $1::text IS NULL OR item_code = $1`,
    [code],
  );
  return r.rows.map((x) => x.item_code);
}

/** Everyone following an item, as channel addresses. */
export async function followersOf(db: Queryable, code: string): Promise<ConversationRef[]> {
  const r = await db.query<{ channel: string; conversation_id: string; user_id: string }>(
    'SELECT channel, conversation_id, user_id FROM programme_followers WHERE item_code = $1',
    [code],
  );
  return r.rows.map((x) => ({ channel: x.channel, conversationId: x.conversation_id, userId: x.user_id }));
}

/** Moves the notified status from `from` to `to`; false when another replica already did (it notifies, not us). */
export async function advanceNotifiedStatus(
  tx: Queryable,
  code: string,
  from: string | null,
  to: string,
): Promise<boolean> {
  const r = await tx.query(
    'UPDATE programme_items SET notified_status = $3 WHERE code = $1 AND notified_status IS NOT DISTINCT FROM $2',
    [code, from, to],
  );
  return r.rowCount > 0;
}

/** Stops a citizen following an item; false when they did not. */
export async function removeFollower(db: Queryable, code: string, ref: ConversationRef): Promise<boolean> {
  const r = await db.query(
    'DELETE FROM programme_followers WHERE item_code = $1 AND channel = $2 AND user_id = $3',
    [code, ref.channel, ref.userId],
  );
  return r.rowCount > 0;
}
