import type { Queryable } from '../../db/database';
import { sortByVietnameseName } from '../../text/collate';
import { sqlOpenStatuses as OPEN } from '../../tickets/lifecycle/ticket-status';

/** One row of an agency's queue. */
export interface QueueRow {
  id: string;
  tracking_code: string;
  kind: string;
  category: string;
  category_name: string;
  commune_name: string | null;
  agency_id: string;
  agency_name: string;
  status: string;
  description: string;
  created_at: Date;
  resolve_due_at: Date;
  overdue: boolean;
}

/** A notification to an agency's supervisors (a missed deadline). */
export interface NotificationRow {
  id: number;
  ticket_id: string;
  tracking_code: string;
  text: string;
  created_at: Date;
}

/** Queue filters; `agencyId` null means every agency (administrators). */
export interface QueueFilter {
  agencyId: string | null;
  status?: string;
  category?: string;
  communeCode?: string;
  from?: Date;
  to?: Date;
  search?: string;
  overdueOnly?: boolean;
  limit: number;
  offset: number;
}

/** A ticket with everything staff need to work it (personal data included: staff view only). */
export interface CaseRow extends QueueRow {
  commune_code: string | null;
  /** Photos and files; one without a URL is described only (see NewTicketInput). */
  attachments: Array<{ url?: string; contentType: string; name?: string }>;
  location: { lat: number; lon: number; address?: string } | null;
  contact_name: string | null;
  contact_phone: string | null;
  origin_channel: string;
  origin_conversation_id: string;
  answer: string | null;
  answered_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  duplicate_of: string | null;
  /** The citizen's answer to "may this case be published (anonymised)?"; null when never asked. */
  publish_consent: boolean | null;
  /** The agency-approved summary /phan-anh shows instead of the citizen's words. */
  public_summary: string | null;
}

/** An entry of a ticket's full history (internal notes included). */
export interface HistoryRow {
  at: Date;
  actor: string;
  /** The officer's display name when the actor is `staff:<username>` of a known account. */
  actor_name: string | null;
  type: string;
  status: string | null;
  note: string | null;
  agency_name: string | null;
}

/** A message of a ticket to its citizen, as the outbox holds it (status: pending, sending, sent, failed). */
export interface OutboxMessageRow {
  event_key: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const BASE = `SELECT t.id, t.tracking_code, t.kind, t.category, c.name AS category_name, u.name AS commune_name,
       t.agency_id, a.name AS agency_name, t.status, t.description, t.created_at, t.resolve_due_at,
       (t.status IN ${OPEN} AND t.resolve_due_at < $1) AS overdue`;
const FROM = `FROM tickets t JOIN categories c ON c.code = t.category JOIN agencies a ON a.id = t.agency_id
  LEFT JOIN admin_units u ON u.code = t.commune_code`;

/** SQL for the portal's queue and case pages. */
export class CaseworkRepository {
  constructor(private readonly db: Queryable) {}

  /** The queue: new and overdue first, then by deadline. */
  async queue(now: Date, f: QueueFilter): Promise<QueueRow[]> {
    const search = f.search ? `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const r = await this.db.query<QueueRow>(
      `${BASE} ${FROM}
        WHERE ($2::text IS NULL OR t.agency_id = $2) AND ($3::text IS NULL OR t.status = $3)
          AND ($4::text IS NULL OR t.category = $4) AND ($5::text IS NULL OR t.commune_code = $5)
          AND ($6::timestamptz IS NULL OR t.created_at >= $6) AND ($7::timestamptz IS NULL OR t.created_at < $7)
          AND ($8::text IS NULL OR t.tracking_code ILIKE $8 OR t.description ILIKE $8 OR f_unaccent(t.description) ILIKE f_unaccent($8))
          AND (NOT $9 OR (t.status IN ${OPEN} AND t.resolve_due_at < $1))
        ORDER BY (t.status = 'new' OR (t.status IN ${OPEN} AND t.resolve_due_at < $1)) DESC,
                 (t.status IN ${OPEN}) DESC, t.resolve_due_at, t.id
        LIMIT $10 OFFSET $11`,
      [
        now,
        f.agencyId,
        f.status ?? null,
        f.category ?? null,
        f.communeCode ?? null,
        f.from ?? null,
        f.to ?? null,
        search,
        f.overdueOnly ?? false,
        f.limit,
        f.offset,
      ],
    );
    return r.rows;
  }

  /** One ticket for the case page. */
  async findCase(now: Date, id: string): Promise<CaseRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const r = await this.db.query<CaseRow>(
      `${BASE}, t.commune_code, t.attachments, t.location, t.contact_name, t.contact_phone, t.origin_channel,
              t.origin_conversation_id, t.answer, t.answered_at, t.rating, t.rating_comment, t.duplicate_of,
              t.publish_consent, t.public_summary
         ${FROM} WHERE t.id = $2::uuid`,
      [now, id],
    );
    return r.rows[0];
  }

  /** The whole history, internal notes included, oldest first. */
  async history(ticketId: string): Promise<HistoryRow[]> {
    const r = await this.db.query<HistoryRow>(
      `SELECT e.at, e.actor, s.display_name AS actor_name, e.type, e.status, e.note, a.name AS agency_name
         FROM ticket_events e LEFT JOIN agencies a ON a.id = e.agency_id
         LEFT JOIN staff_users s ON e.actor LIKE 'staff:%' AND lower(s.username) = lower(substr(e.actor, 7))
        WHERE e.ticket_id = $1 ORDER BY e.id`,
      [ticketId],
    );
    return r.rows;
  }

  /** The ticket's messages to the citizen in the outbox, oldest first: what was sent and what is still waiting. */
  async messages(ticketId: string): Promise<OutboxMessageRow[]> {
    const r = await this.db.query<OutboxMessageRow>(
      `SELECT event_key, status, attempts, last_error, created_at, sent_at FROM outbox
        WHERE ticket_id = $1 ORDER BY id`,
      [ticketId],
    );
    return r.rows;
  }

  /** The communes the tickets in a queue come from (all agencies when null), by name: the queue's commune filter. */
  async queueCommunes(agencyId: string | null): Promise<Map<string, string>> {
    const r = await this.db.query<{ code: string; name: string }>(
      `SELECT DISTINCT u.code, u.name FROM tickets t JOIN admin_units u ON u.code = t.commune_code
       WHERE $1::text IS NULL OR t.agency_id = $1 ORDER BY u.name`,
      [agencyId],
    );
    return new Map(r.rows.map((row) => [row.code, row.name]));
  }

  /** Unread notifications (missed deadlines) of an agency, or of all agencies when null; newest first. */
  async unreadNotifications(agencyId: string | null, limit = 20): Promise<NotificationRow[]> {
    const r = await this.db.query<NotificationRow>(
      `SELECT n.id::int AS id, n.ticket_id, t.tracking_code, n.text, n.created_at
       FROM agency_notifications n JOIN tickets t ON t.id = n.ticket_id
       WHERE n.read_at IS NULL AND ($1::text IS NULL OR n.agency_id = $1)
       ORDER BY n.id DESC LIMIT $2`,
      [agencyId, limit],
    );
    return r.rows;
  }

  /** Marks an agency's (or every) unread notification up to `upTo` as read. */
  async markNotificationsRead(agencyId: string | null, upTo: number, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE agency_notifications SET read_at = $3
       WHERE read_at IS NULL AND id <= $2 AND ($1::text IS NULL OR agency_id = $1)`,
      [agencyId, upTo, now],
    );
  }

  /** Agencies to transfer to. */
  async agencies(): Promise<Array<{ id: string; name: string }>> {
    const { rows } = await this.db.query<{ id: string; name: string; kind: string }>(
      'SELECT id, name, kind FROM agencies WHERE active',
    );
    return sortByVietnameseName(rows, (r) => r.kind).map(({ id, name }) => ({ id, name }));
  }

  /** An agency's name. */
  async agencyName(id: string): Promise<string | null> {
    return (
      (await this.db.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [id])).rows[0]
        ?.name ?? null
    );
  }

  /** Canned answers of a category (and general ones). */
  async cannedAnswers(category: string): Promise<Array<{ id: number; title: string; body: string }>> {
    const r = await this.db.query<{ id: number; title: string; body: string }>(
      'SELECT id, title, body FROM canned_answers WHERE category = $1 OR category IS NULL ORDER BY category NULLS LAST, id',
      [category],
    );
    return r.rows;
  }

  /** An upload by id (a web-chat upload, or a photo kept from Zalo), with the conversation it belongs to. */
  async upload(id: string): Promise<{ conversationId: string; contentType: string; data: Buffer } | null> {
    const { rows } = await this.db.query<{ conversation_id: string; content_type: string; data: Uint8Array }>(
      `SELECT conversation_id, content_type, data FROM directline_upload WHERE id = $1
       UNION ALL SELECT user_id, content_type, data FROM zalo_media WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row
      ? { conversationId: row.conversation_id, contentType: row.content_type, data: Buffer.from(row.data) }
      : null;
  }
}
