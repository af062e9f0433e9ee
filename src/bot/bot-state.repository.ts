import type { Storage, StoreItem } from '@microsoft/agents-hosting';
import type { Queryable } from '../db/database';
import { currentTurnEffects, type StateChange } from './turn-effects';

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

  /** Writes each item, honouring eTags; inside a turn run as one unit, the write waits for the turn's commit. */
  async write(changes: StoreItem): Promise<void> {
    const held = currentTurnEffects();
    if (held) held.state.push({ kind: 'write', changes: JSON.parse(JSON.stringify(changes)) as StoreItem });
    else await writeItems(this.db, changes);
  }

  /** Deletes the given keys (missing keys are ignored); inside a turn run as one unit, at the turn's commit. */
  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const held = currentTurnEffects();
    if (held) held.state.push({ kind: 'delete', keys: [...keys] });
    else await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}

/** Applies a turn's held-back state changes, in order, in the turn's transaction. */
export async function applyStateChanges(tx: Queryable, changes: readonly StateChange[]): Promise<void> {
  for (const change of changes) {
    if (change.kind === 'write') await writeItems(tx, change.changes);
    else if (change.keys.length > 0)
      await tx.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [change.keys]);
  }
}

async function writeItems(db: Queryable, changes: StoreItem): Promise<void> {
  for (const [key, item] of Object.entries(changes) as Array<[string, StoreItem]>) {
    const { eTag, ...doc } = item;
    if (!eTag || eTag === '*') {
      await db.query(
        `INSERT INTO bot_state (key, doc) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = bot_state.etag + 1, updated_at = now()`,
        [key, JSON.stringify(doc)],
      );
      continue;
    }
    const result = await db.query(
      'UPDATE bot_state SET doc = $2, etag = etag + 1, updated_at = now() WHERE key = $1 AND etag = $3',
      [key, JSON.stringify(doc), Number(eTag)],
    );
    if (result.rowCount === 0) throw new ETagConflictError(key);
  }
}
