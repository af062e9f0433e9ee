import type { Queryable } from '../db/database';

/** A ticket's id and agency by its tracking code, or null. */
export async function ticketByCode(
  db: Queryable,
  trackingCode: string,
): Promise<{ id: string; agency_id: string } | null> {
  const r = await db.query<{ id: string; agency_id: string }>(
    'SELECT id, agency_id FROM tickets WHERE tracking_code = $1',
    [trackingCode],
  );
  return r.rows[0] ?? null;
}

/** Links a ticket to an item (linking twice changes nothing). */
export async function linkTicket(
  db: Queryable,
  code: string,
  ticketId: string,
  userId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO programme_ticket_links (item_code, ticket_id, linked_by) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [code, ticketId, userId],
  );
}

/** A ticket linked to an item as the public may see it: tracking code, category, status, day received. */
export interface LinkedTicket {
  tracking_code: string;
  category_name: string;
  status: string;
  created_at: Date;
}

/** The tickets linked to an item, newest first (no description or contact: those may hold personal data). */
export async function linkedTickets(db: Queryable, code: string, limit = 50): Promise<LinkedTicket[]> {
  const r = await db.query<LinkedTicket>(
    `SELECT t.tracking_code, c.name AS category_name, t.status, t.created_at
     FROM programme_ticket_links l JOIN tickets t ON t.id = l.ticket_id JOIN categories c ON c.code = t.category
     WHERE l.item_code = $1 ORDER BY t.created_at DESC LIMIT $2`,
    [code, limit],
  );
  return r.rows;
}
