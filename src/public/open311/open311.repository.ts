import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/database';
import { sqlSettledStatuses as CLOSED } from '../../tickets/lifecycle/ticket-status';

/** A service request as Open311 publishes it (public data only). */
export interface RequestRow {
  tracking_code: string;
  status: string;
  kind: string;
  category: string;
  category_name: string;
  description: string;
  answer: string | null;
  agency_name: string;
  commune_name: string | null;
  location: { lat: number; lon: number; address?: string } | null;
  attachments: Array<{ url: string }>;
  origin_channel: string;
  created_at: Date;
  updated_at: Date;
  resolve_due_at: Date;
}

/** Filters of GET /requests. */
export interface RequestFilter {
  codes?: string[];
  categories?: string[];
  from: Date;
  to: Date;
  status?: 'open' | 'closed';
  limit: number;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** SQL for Open311: API clients, categories as services, published requests. */
export class Open311Repository {
  constructor(private readonly db: Queryable) {}

  /** Registers an API client; only the key's hash is kept. */
  async addClient(name: string, key: string): Promise<string> {
    const r = await this.db.query<{ id: string }>(
      'INSERT INTO open311_clients (name, key_hash) VALUES ($1, $2) RETURNING id',
      [name, hashKey(key)],
    );
    return r.rows[0]!.id;
  }

  /** The active client owning this key. */
  async clientByKey(key: string): Promise<{ id: string; name: string } | undefined> {
    const r = await this.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM open311_clients WHERE key_hash = $1 AND active',
      [hashKey(key)],
    );
    return r.rows[0];
  }

  /** The categories, as services. */
  async services(): Promise<Array<{ code: string; name: string }>> {
    return (
      await this.db.query<{ code: string; name: string }>('SELECT code, name FROM categories ORDER BY sort')
    ).rows;
  }

  /** Published requests (feedback and questions; complaints and denunciations stay confidential). */
  async requests(f: RequestFilter): Promise<RequestRow[]> {
    const r = await this.db.query<RequestRow>(
      `SELECT t.tracking_code, t.status, t.kind, t.category, c.name AS category_name, t.description, t.answer,
              a.name AS agency_name, u.name AS commune_name, t.location, t.attachments, t.origin_channel, t.created_at, t.updated_at,
              t.resolve_due_at
         FROM tickets t JOIN categories c ON c.code = t.category JOIN agencies a ON a.id = t.agency_id
         LEFT JOIN admin_units u ON u.code = t.commune_code
        WHERE t.kind IN ('feedback', 'question')
          AND ($1::text[] IS NULL OR t.tracking_code = ANY($1::text[]))
          AND ($2::text[] IS NULL OR t.category = ANY($2::text[]))
          AND t.created_at >= $3 AND t.created_at < $4
          AND ($5::text IS NULL OR ($5 = 'closed') = (t.status IN ${CLOSED}))
        ORDER BY t.created_at DESC LIMIT $6`,
      [f.codes ?? null, f.categories ?? null, f.from, f.to, f.status ?? null, f.limit],
    );
    return r.rows;
  }
}

/** The tracking code of a request created through Open311, by the token its POST returned. */
export async function codeByToken(db: Queryable, token: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(token)) return undefined;
  const r = await db.query<{ tracking_code: string }>(
    `SELECT tracking_code FROM tickets WHERE id = $1::uuid AND origin_channel = 'open311'`,
    [token],
  );
  return r.rows[0]?.tracking_code;
}
