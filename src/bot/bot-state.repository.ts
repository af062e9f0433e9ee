import type { Storage, StoreItem } from '@microsoft/agents-hosting';
import type { Queryable } from '../db/database';

/** Thrown when a write carries an eTag that no longer matches the stored one. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * Agents SDK `Storage` on Postgres. Semantics follow the SDK's MemoryStorage: a write with eTag `*` or none
 * overwrites; a real eTag must match the stored one or the write throws. Every write bumps the eTag.
 */
export class PostgresStorage implements Storage {
  constructor(private readonly db: Queryable) {}

  /** Reads the given keys; missing keys are absent from the result. */
  async read(keys: string[]): Promise<StoreItem> {
    if (keys.length === 0) return {};
    const { rows } = await this.db.query<{ key: string; doc: Record<string, unknown>; etag: number }>(
      'SELECT key, doc, etag FROM bot_state WHERE key = ANY($1::text[])',
      [keys],
    );
    const items: StoreItem = {};
    for (const row of rows) items[row.key] = { ...row.doc, eTag: String(row.etag) };
    return items;
  }

  /** Writes each item, honouring eTags. */
  async write(changes: StoreItem): Promise<void> {
    for (const [key, item] of Object.entries(changes) as Array<[string, StoreItem]>) {
      const { eTag, ...doc } = item;
      if (!eTag || eTag === '*') {
        await this.db.query(
          `INSERT INTO bot_state (key, doc) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = bot_state.etag + 1, updated_at = now()`,
          [key, JSON.stringify(doc)],
        );
        continue;
      }
      const result = await this.db.query(
        'UPDATE bot_state SET doc = $2, etag = etag + 1, updated_at = now() WHERE key = $1 AND etag = $3',
        [key, JSON.stringify(doc), Number(eTag)],
      );
      if (result.rowCount === 0) throw new ETagConflictError(key);
    }
  }

  /** Deletes the given keys (missing keys are ignored). */
  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}
