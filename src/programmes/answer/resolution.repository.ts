import type { Queryable } from '../../db/database';

/** A knowledge-base document a programme implements, with its chunks' text (to quote the promise from). */
export interface ResolutionDocument {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  chunks: string[];
}

/** The knowledge-base document a programme names, by id (with or without its file extension) or by number. */
export async function resolutionDocument(db: Queryable, ref: string): Promise<ResolutionDocument | null> {
  const r = await db.query<Omit<ResolutionDocument, 'chunks'> & { chunks: string[] | null }>(
    `SELECT d.id, d.title, d.source, d.date,
            (SELECT array_agg(c.text ORDER BY c.ordinal) FROM kb_chunks c WHERE c.document_id = d.id) AS chunks
     FROM kb_documents d
     WHERE d.id = $1 OR left(d.id, length($1) + 1) = $1 || '.' OR lower(d.number) = lower($1)
     ORDER BY (d.id = $1) DESC, d.id LIMIT 1`,
    [ref],
  );
  const row = r.rows[0];
  return row ? { ...row, chunks: row.chunks ?? [] } : null;
}
