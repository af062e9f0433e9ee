import type { Queryable } from '../db/database';
import { newSecret } from './tracking-code';

/** The named secret, created on first use; every replica reads the same one. */
export async function ensureSecret(db: Queryable, name: string): Promise<string> {
  await db.query('INSERT INTO ticket_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    newSecret(),
  ]);
  const r = await db.query<{ value: string }>('SELECT value FROM ticket_secrets WHERE name = $1', [name]);
  return (r.rows[0] as { value: string }).value;
}
