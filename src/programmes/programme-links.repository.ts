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
