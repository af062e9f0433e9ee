import type { Queryable } from '../db/database';
import { sqlSettledStatuses, sqlUntakenStatuses } from './lifecycle/ticket-status';

/** A ticket as stored. */
export interface TicketRow {
  id: string;
  tracking_code: string;
  pin_hash: string;
  kind: string;
  category: string;
  commune_code: string | null;
  description: string;
  agency_id: string;
  agency_name: string;
  status: string;
  duplicate_of: string | null;
  origin_channel: string;
  origin_conversation_id: string;
  origin_user_id: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_consent_at: Date | null;
  publish_consent: boolean | null;
  public_summary: string | null;
  acknowledge_due_at: Date;
  resolve_due_at: Date;
  overdue_at: Date | null;
  answer: string | null;
  answered_at: Date | null;
  rating: number | null;
  failed_lookups: number;
  lookup_locked_until: Date | null;
  created_at: Date;
}

/** The columns of a new ticket. */
export interface TicketInsert {
  /** The citizen's answer to "may this be published (anonymised)?"; null when never asked. */
  publishConsent?: boolean | null;
  trackingCode: string;
  pinHash: string;
  kind: string;
  category: string;
  communeCode: string | null;
  description: string;
  attachments: unknown[];
  location: unknown;
  contactName: string | null;
  contactPhone: string | null;
  contactConsentAt: Date | null;
  channel: string;
  conversationId: string;
  userId: string;
  idempotencyKey: string;
  agencyId: string;
  status: string;
  duplicateOf: string | null;
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
  now: Date;
}

/** An append-only history entry. */
export interface TicketEvent {
  ticketId: string;
  at: Date;
  actor: string;
  type: string;
  status?: string | null;
  agencyId?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
}

const SELECT = `SELECT t.*, a.name AS agency_name FROM tickets t JOIN agencies a ON a.id = t.agency_id`;

/** Inserts a ticket; returns null when the tracking code is already taken (the caller draws another). */
export async function insertTicket(tx: Queryable, t: TicketInsert): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `INSERT INTO tickets (tracking_code, pin_hash, kind, category, commune_code, description, attachments, location,
       contact_name, contact_phone, contact_consent_at, origin_channel, origin_conversation_id, origin_user_id,
       idempotency_key, agency_id, status, duplicate_of, acknowledge_due_at, resolve_due_at, created_at, updated_at,
       publish_consent)
     VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8::jsonb,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$21,$22)
     ON CONFLICT (tracking_code) DO NOTHING RETURNING id`,
    [
      t.trackingCode,
      t.pinHash,
      t.kind,
      t.category,
      t.communeCode,
      t.description,
      JSON.stringify(t.attachments),
      t.location === null ? null : JSON.stringify(t.location),
      t.contactName,
      t.contactPhone,
      t.contactConsentAt,
      t.channel,
      t.conversationId,
      t.userId,
      t.idempotencyKey,
      t.agencyId,
      t.status,
      t.duplicateOf,
      t.acknowledgeDueAt,
      t.resolveDueAt,
      t.now,
      t.publishConsent ?? null,
    ],
  );
  return r.rows[0]?.id ?? null;
}

/** Serialises creations with the same idempotency key (transaction-scoped advisory lock). */
export async function lockIdempotencyKey(tx: Queryable, channel: string, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ticket:${channel}:${key}`]);
}

/** The ticket created earlier for the same (channel, idempotency key), if any. */
export async function findByIdempotencyKey(
  db: Queryable,
  channel: string,
  key: string,
): Promise<TicketRow | null> {
  const r = await db.query<TicketRow>(`${SELECT} WHERE t.origin_channel = $1 AND t.idempotency_key = $2`, [
    channel,
    key,
  ]);
  return r.rows[0] ?? null;
}

/** A ticket by id. */
export async function findTicketById(db: Queryable, id: string): Promise<TicketRow | null> {
  const r = await db.query<TicketRow>(`${SELECT} WHERE t.id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** A ticket by id, locked for update (the caller's transaction will change it). */
export async function lockTicketById(tx: Queryable, id: string): Promise<TicketRow | null> {
  const r = await tx.query<TicketRow>(`${SELECT} WHERE t.id = $1 FOR UPDATE OF t`, [id]);
  return r.rows[0] ?? null;
}

/** A ticket by tracking code, locked for update when inside a transaction that will change it. */
export async function findByTrackingCode(
  db: Queryable,
  code: string,
  forUpdate = false,
): Promise<TicketRow | null> {
  const r = await db.query<TicketRow>(
    `${SELECT} WHERE t.tracking_code = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`,
    [code],
  );
  return r.rows[0] ?? null;
}

/** An open ticket in the same commune and category whose text is near-identical (pg_trgm similarity). */
export async function findOpenDuplicate(
  db: Queryable,
  communeCode: string,
  category: string,
  description: string,
  threshold: number,
): Promise<{ id: string; tracking_code: string } | null> {
  const r = await db.query<{ id: string; tracking_code: string }>(
    `SELECT id, tracking_code FROM tickets
     WHERE commune_code = $1 AND category = $2 AND status NOT IN ${sqlSettledStatuses}
       AND duplicate_of IS NULL AND similarity(lower(f_unaccent(description)), lower(f_unaccent($3))) >= $4
     ORDER BY similarity(lower(f_unaccent(description)), lower(f_unaccent($3))) DESC, created_at LIMIT 1`,
    [communeCode, category, description, threshold],
  );
  return r.rows[0] ?? null;
}

/** Changes columns of a ticket (status, agency, answer…) and stamps updated_at. */
export async function updateTicket(
  tx: Queryable,
  id: string,
  now: Date,
  fields: Record<string, unknown>,
): Promise<void> {
  const keys = Object.keys(fields);
  const sets = keys.map((k, i) => `${k} = $${i + 3}`).join(', ');
  await tx.query(`UPDATE tickets SET ${sets}, updated_at = $2 WHERE id = $1`, [
    id,
    now,
    ...keys.map((k) => fields[k]),
  ]);
}

/** Erases name, phone and consent from every ticket a channel account filed with contact details; returns their ids. */
export async function eraseContactsOf(
  tx: Queryable,
  channel: string,
  userId: string,
  now: Date,
): Promise<string[]> {
  const r = await tx.query<{ id: string }>(
    `UPDATE tickets SET contact_name = NULL, contact_phone = NULL, contact_consent_at = NULL, updated_at = $3
     WHERE origin_channel = $1 AND origin_user_id = $2 AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL)
     RETURNING id`,
    [channel, userId, now],
  );
  return r.rows.map((row) => row.id);
}

/** Appends a history entry. */
export async function appendEvent(tx: Queryable, e: TicketEvent): Promise<void> {
  await tx.query(
    `INSERT INTO ticket_events (ticket_id, at, actor, type, status, agency_id, note, data) VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb)`,
    [
      e.ticketId,
      e.at,
      e.actor,
      e.type,
      e.status ?? null,
      e.agencyId ?? null,
      e.note ?? null,
      JSON.stringify(e.data ?? {}),
    ],
  );
}

/** The public part of a ticket's history, oldest first. */
export async function listEvents(
  db: Queryable,
  ticketId: string,
): Promise<
  Array<{ at: Date; type: string; status: string | null; note: string | null; agency_id: string | null }>
> {
  const r = await db.query<{
    at: Date;
    type: string;
    status: string | null;
    note: string | null;
    agency_id: string | null;
  }>('SELECT at, type, status, note, agency_id FROM ticket_events WHERE ticket_id = $1 ORDER BY id', [
    ticketId,
  ]);
  return r.rows;
}

/** Open tickets past their resolve deadline and not yet escalated, locked for this worker. */
export async function claimOverdue(tx: Queryable, now: Date, limit: number): Promise<TicketRow[]> {
  const r = await tx.query<TicketRow>(
    `${SELECT} WHERE t.status NOT IN ${sqlSettledStatuses} AND t.overdue_at IS NULL AND t.resolve_due_at < $1
     ORDER BY t.resolve_due_at LIMIT $2 FOR UPDATE OF t SKIP LOCKED`,
    [now, limit],
  );
  return r.rows;
}

/** Claims tickets nobody has taken into work (still new or just routed) by their acknowledgement deadline, once. */
export async function claimUnacknowledged(tx: Queryable, now: Date, limit: number): Promise<TicketRow[]> {
  const r = await tx.query<TicketRow>(
    `${SELECT} WHERE t.status IN ${sqlUntakenStatuses} AND t.ack_overdue_at IS NULL AND t.acknowledge_due_at < $1
     ORDER BY t.acknowledge_due_at LIMIT $2 FOR UPDATE OF t SKIP LOCKED`,
    [now, limit],
  );
  return r.rows;
}

/** Records a notification for an agency's supervisors; once per (ticket, type). */
export async function notifyAgency(
  tx: Queryable,
  n: { agencyId: string; ticketId: string; type: string; text: string; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO agency_notifications (agency_id, ticket_id, type, text, created_at) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (ticket_id, type) DO NOTHING`,
    [n.agencyId, n.ticketId, n.type, n.text, n.now],
  );
}
