import type { Queryable } from '../../db/database';
import { sqlOpenStatuses as OPEN } from '../../tickets/lifecycle/ticket-status';

/** A comment on an item by an oversight user. */
export interface CommentRow {
  id: number;
  item_code: string;
  author_name: string;
  body: string;
  created_at: Date;
  hidden: boolean;
}

/** A portal notice (a followed item changed status, a reporting reminder). */
export interface NoticeRow {
  id: number;
  item_code: string | null;
  kind: 'status' | 'reminder';
  text: string;
  created_at: Date;
}

/** Ticket figures of one agency (counts only: oversight never sees a ticket's personal data). */
export interface TicketFigures {
  agency_id: string;
  agency_name: string;
  total: number;
  open: number;
  overdue: number;
  answered: number;
}

/** Stores a comment; returns its id. */
export async function insertComment(
  db: Queryable,
  c: { code: string; authorId: string; authorName: string; body: string },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO programme_comments (item_code, author_id, author_name, body) VALUES ($1, $2, $3, $4)
     RETURNING id::int AS id`,
    [c.code, c.authorId, c.authorName, c.body],
  );
  return r.rows[0]!.id;
}

/** An item's comments, oldest first; hidden ones only when `withHidden` (moderators see them). */
export async function commentsOf(db: Queryable, code: string, withHidden: boolean): Promise<CommentRow[]> {
  const r = await db.query<CommentRow>(
    `SELECT id::int AS id, item_code, author_name, body, created_at, hidden_at IS NOT NULL AS hidden
     FROM programme_comments WHERE item_code = $1 AND ($2 OR hidden_at IS NULL) ORDER BY id`,
    [code, withHidden],
  );
  return r.rows;
}

/** Hides a comment of an item; false when there is no such comment. */
export async function hideComment(
  db: Queryable,
  code: string,
  id: number,
  by: string,
  now: Date,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE programme_comments SET hidden_at = COALESCE(hidden_at, $4), hidden_by = COALESCE(hidden_by, $3)
     WHERE id = $2 AND item_code = $1`,
    [code, id, by, now],
  );
  return r.rowCount > 0;
}

/** Starts (true) or stops (false) a portal user following an item. */
export async function setStaffFollow(
  db: Queryable,
  code: string,
  userId: string,
  on: boolean,
): Promise<void> {
  await db.query(
    on
      ? `INSERT INTO programme_staff_followers (item_code, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
      : `DELETE FROM programme_staff_followers WHERE item_code = $1 AND user_id = $2`,
    [code, userId],
  );
}

/** The codes a portal user follows. */
export async function staffFollowed(db: Queryable, userId: string): Promise<Set<string>> {
  const r = await db.query<{ item_code: string }>(
    'SELECT item_code FROM programme_staff_followers WHERE user_id = $1',
    [userId],
  );
  return new Set(r.rows.map((x) => x.item_code));
}

/** Portal users following an item. */
export async function staffFollowersOf(db: Queryable, code: string): Promise<string[]> {
  const r = await db.query<{ user_id: string }>(
    'SELECT user_id FROM programme_staff_followers WHERE item_code = $1',
    [code],
  );
  return r.rows.map((x) => x.user_id);
}

/** Queues a portal notice once per dedupe key; true when it is new. */
export async function insertNotice(
  db: Queryable,
  n: {
    agencyId?: string | null;
    userId?: string | null;
    code: string | null;
    kind: NoticeRow['kind'];
    text: string;
    key: string;
    now: Date;
  },
): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO programme_notices (agency_id, user_id, item_code, kind, text, dedupe_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
    [n.agencyId ?? null, n.userId ?? null, n.code, n.kind, n.text, n.key, n.now],
  );
  return r.rowCount > 0;
}

/** Unread notices for a user: their own and their agency's; newest first. */
export async function unreadNotices(
  db: Queryable,
  userId: string,
  agencyId: string | null,
): Promise<NoticeRow[]> {
  const r = await db.query<NoticeRow>(
    `SELECT id::int AS id, item_code, kind, text, created_at FROM programme_notices
     WHERE read_at IS NULL AND (user_id = $1 OR ($2::text IS NOT NULL AND agency_id = $2))
     ORDER BY id DESC LIMIT 50`,
    [userId, agencyId],
  );
  return r.rows;
}

/** Marks a user's (and their agency's) notices up to `upTo` as read. */
export async function markNoticesRead(
  db: Queryable,
  userId: string,
  agencyId: string | null,
  upTo: number,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE programme_notices SET read_at = $4
     WHERE read_at IS NULL AND id <= $3 AND (user_id = $1 OR ($2::text IS NOT NULL AND agency_id = $2))`,
    [userId, agencyId, upTo, now],
  );
}

/** Ticket counts per agency (open, overdue, answered), for oversight. */
export async function ticketFigures(db: Queryable, now: Date): Promise<TicketFigures[]> {
  const r = await db.query<TicketFigures>(
    `SELECT a.id AS agency_id, a.name AS agency_name, count(*)::int AS total,
       count(*) FILTER (WHERE t.status IN ${OPEN})::int AS open,
       count(*) FILTER (WHERE t.status IN ${OPEN} AND t.resolve_due_at < $1)::int AS overdue,
       count(*) FILTER (WHERE t.status IN ('answered', 'closed'))::int AS answered
     FROM tickets t JOIN agencies a ON a.id = t.agency_id
     GROUP BY a.id, a.name ORDER BY count(*) DESC, a.name`,
    [now],
  );
  return r.rows;
}
