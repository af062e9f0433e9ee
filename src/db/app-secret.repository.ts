import type { Queryable } from './database';

/**
 * The named secret from `app_secret`, generated on first use; concurrent first starts of several replicas agree
 * on one value (the insert that loses the race changes nothing, and everyone reads the stored row).
 */
export async function ensureSecret(db: Queryable, name: string, generate: () => string): Promise<string> {
  await db.query('INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    generate(),
  ]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM app_secret WHERE name = $1', [name]);
  const row = rows[0];
  if (!row) throw new Error(`secret ${name} missing after insert`);
  return row.value;
}
