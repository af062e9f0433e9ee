import type { Queryable } from '../db/database';

/** A row of the interim ticket table (migration 0301, `bot_interim_ticket`). */
export interface InterimTicketRow {
  id: string;
  trackingCode: string;
  pin: string;
  kind: string;
  category: string;
  status: string;
  rating: number | null;
  createdAt: Date;
  payload: Record<string, unknown>;
}

type Row = {
  id: string;
  tracking_code: string;
  pin: string;
  kind: string;
  category: string;
  status: string;
  rating: number | null;
  created_at: Date;
  payload: Record<string, unknown>;
};

const COLUMNS = 'id, tracking_code, pin, kind, category, status, rating, created_at, payload';

function toRow(r: Row): InterimTicketRow {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    pin: r.pin,
    kind: r.kind,
    category: r.category,
    status: r.status,
    rating: r.rating,
    createdAt: r.created_at,
    payload: r.payload,
  };
}

/** INTERIM: SQL for the bot's own ticket table, used until the tickets area's service is wired in. */
export class InterimTicketRepository {
  constructor(private readonly db: Queryable) {}

  /** Inserts a ticket unless one exists for the idempotency key; returns the stored one either way. */
  async insert(
    t: Omit<InterimTicketRow, 'status' | 'rating' | 'createdAt'> & { idempotencyKey: string },
  ): Promise<InterimTicketRow> {
    await this.db.query(
      `INSERT INTO bot_interim_ticket (id, tracking_code, pin, idempotency_key, kind, category, commune_code,
         description, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING`,
      [
        t.id,
        t.trackingCode,
        t.pin,
        t.idempotencyKey,
        t.kind,
        t.category,
        (t.payload.communeCode as string | undefined) ?? null,
        String(t.payload.description ?? ''),
        JSON.stringify(t.payload),
      ],
    );
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM bot_interim_ticket WHERE idempotency_key = $1`,
      [t.idempotencyKey],
    );
    return toRow(rows[0]!);
  }

  /** Finds a ticket by tracking code (case-insensitive). */
  async findByCode(trackingCode: string): Promise<InterimTicketRow | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM bot_interim_ticket WHERE tracking_code = upper($1)`,
      [trackingCode],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Sets the rating and status. */
  async rate(id: string, rating: number, status: string): Promise<void> {
    await this.db.query('UPDATE bot_interim_ticket SET rating = $2, status = $3 WHERE id = $1', [
      id,
      rating,
      status,
    ]);
  }
}
