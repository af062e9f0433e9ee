import type { Queryable } from '../../db/database';

/** An uploaded document and where its ingestion stands. */
export interface UploadRow {
  id: number;
  filename: string;
  document_id: string;
  size_bytes: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  outcome: string | null;
  chunks: number | null;
  error_code: string | null;
  error_message: string | null;
  uploaded_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** A claimed upload, with its bytes. */
export interface ClaimedUpload {
  id: number;
  filename: string;
  document_id: string;
  bytes: Buffer;
  metadata: Record<string, string>;
}

/** A document of the knowledge base as the administration page lists it. */
export interface DocumentListRow {
  id: string;
  title: string;
  number: string | null;
  date: string | null;
  chunks: number;
  updated_at: Date;
  /** The province inferred at ingest (or given with the file). */
  inferred_province: string | null;
  /** Whether an administrator set the province in the portal; then `province` is theirs (null: none). */
  province_set: boolean;
  province: string | null;
  province_set_by: string | null;
}

/** A question the bot could not answer. */
export interface UnansweredRow {
  id: number;
  question: string;
  asked_count: number;
  best_confidence: number | null;
  first_asked_at: Date;
  last_asked_at: Date;
  status: 'open' | 'answered' | 'dismissed';
  document_id: string | null;
}

/** SQL of the knowledge-base administration: uploads, the document list and unanswered questions. */
export class KnowledgeAdminRepository {
  constructor(private readonly db: Queryable) {}

  /** Stores an upload (bytes included) as queued; returns its id. */
  async insertUpload(u: {
    filename: string;
    documentId: string;
    bytes: Buffer;
    metadata: Record<string, string>;
    uploadedBy: string | null;
  }): Promise<number> {
    const r = await this.db.query<{ id: number }>(
      `INSERT INTO kb_uploads (filename, document_id, size_bytes, bytes, metadata, uploaded_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id::int AS id`,
      [u.filename, u.documentId, u.bytes.length, u.bytes, JSON.stringify(u.metadata), u.uploadedBy],
    );
    return r.rows[0]!.id;
  }

  /** Claims the oldest queued upload, or one whose worker died (lease expired); null when there is none. */
  async claimNext(now: Date, leaseMs: number): Promise<ClaimedUpload | null> {
    const r = await this.db.query<ClaimedUpload>(
      `UPDATE kb_uploads SET status = 'running', lease_until = $1
       WHERE id = (SELECT id FROM kb_uploads
                   WHERE status = 'queued' OR (status = 'running' AND lease_until < $2)
                   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id::int AS id, filename, document_id, bytes, metadata`,
      [new Date(now.getTime() + leaseMs), now],
    );
    const row = r.rows[0];
    return row ? { ...row, bytes: Buffer.from(row.bytes) } : null;
  }

  /** Records the end of an ingestion and drops the stored bytes (the document now holds the text). */
  async finishUpload(
    id: number,
    result: { status: 'done'; outcome: string; chunks: number } | { status: 'failed'; code: string; message: string },
  ): Promise<void> {
    await this.db.query(
      `UPDATE kb_uploads SET status = $2, outcome = $3, chunks = $4, error_code = $5, error_message = $6,
              bytes = NULL, lease_until = NULL, finished_at = now()
       WHERE id = $1`,
      result.status === 'done'
        ? [id, 'done', result.outcome, result.chunks, null, null]
        : [id, 'failed', null, null, result.code, result.message],
    );
  }

  /** The latest uploads, newest first. */
  async uploads(limit = 50): Promise<UploadRow[]> {
    const r = await this.db.query<UploadRow>(
      `SELECT u.id::int AS id, u.filename, u.document_id, u.size_bytes, u.status, u.outcome, u.chunks,
              u.error_code, u.error_message, s.display_name AS uploaded_by_name, u.created_at, u.finished_at
       FROM kb_uploads u LEFT JOIN staff_users s ON s.id = u.uploaded_by
       ORDER BY u.id DESC LIMIT $1`,
      [limit],
    );
    return r.rows;
  }

  /** Every document with its chunk count, most recently changed first. */
  async documents(): Promise<DocumentListRow[]> {
    const r = await this.db.query<DocumentListRow>(
      `SELECT d.id, d.title, d.number, d.date, d.updated_at,
              (SELECT count(*)::int FROM kb_chunks c WHERE c.document_id = d.id) AS chunks,
              d.province AS inferred_province, o.document_id IS NOT NULL AS province_set,
              CASE WHEN o.document_id IS NULL THEN d.province ELSE o.province END AS province,
              s.display_name AS province_set_by
       FROM kb_documents d LEFT JOIN kb_document_province o ON o.document_id = d.id
         LEFT JOIN staff_users s ON s.id = o.set_by
       ORDER BY d.updated_at DESC, d.id`,
    );
    return r.rows;
  }

  /** A document's title, or undefined when there is no such document. */
  async documentTitle(id: string): Promise<string | undefined> {
    const r = await this.db.query<{ title: string }>('SELECT title FROM kb_documents WHERE id = $1', [id]);
    return r.rows[0]?.title;
  }

  /** Sets the province of a document as an administrator decided (null: about no single province). */
  async setProvince(id: string, province: string | null, by: string): Promise<void> {
    await this.db.query(
      `INSERT INTO kb_document_province (document_id, province, set_by) VALUES ($1, $2, $3)
       ON CONFLICT (document_id) DO UPDATE SET province = EXCLUDED.province, set_by = EXCLUDED.set_by, set_at = now()`,
      [id, province, by],
    );
  }

  /** Goes back to the inferred province. */
  async clearProvince(id: string): Promise<void> {
    await this.db.query('DELETE FROM kb_document_province WHERE document_id = $1', [id]);
  }

  /** Removes a document (its chunks and postings follow by cascade); false when it did not exist. */
  async deleteDocument(id: string): Promise<boolean> {
    await this.clearProvince(id);
    const r = await this.db.query('DELETE FROM kb_documents WHERE id = $1', [id]);
    return r.rowCount > 0;
  }

  /** Counts one more asking of a question (a new row the first time; a dismissed one stays dismissed). */
  async recordUnanswered(key: string, question: string, confidence: number): Promise<void> {
    await this.db.query(
      `INSERT INTO kb_unanswered (question_key, question, best_confidence) VALUES ($1, $2, $3)
       ON CONFLICT (question_key) DO UPDATE SET
         asked_count = kb_unanswered.asked_count + 1,
         last_asked_at = now(),
         best_confidence = GREATEST(kb_unanswered.best_confidence, EXCLUDED.best_confidence),
         status = CASE WHEN kb_unanswered.status = 'answered' THEN 'open' ELSE kb_unanswered.status END`,
      [key, question, confidence],
    );
  }

  /** Questions in one status, most asked first. */
  async unanswered(status: UnansweredRow['status'], limit = 100): Promise<UnansweredRow[]> {
    const r = await this.db.query<UnansweredRow>(
      `SELECT id::int AS id, question, asked_count, best_confidence, first_asked_at, last_asked_at, status,
              document_id
       FROM kb_unanswered WHERE status = $1
       ORDER BY asked_count DESC, last_asked_at DESC LIMIT $2`,
      [status, limit],
    );
    return r.rows;
  }

  /** One question by id. */
  async question(id: number): Promise<UnansweredRow | undefined> {
    const r = await this.db.query<UnansweredRow>(
      `SELECT id::int AS id, question, asked_count, best_confidence, first_asked_at, last_asked_at, status,
              document_id
       FROM kb_unanswered WHERE id = $1`,
      [id],
    );
    return r.rows[0];
  }

  /** Marks a question answered (with the published document) or dismissed, by whom. */
  async closeQuestion(id: number, status: 'answered' | 'dismissed', documentId: string | null, by: string) {
    const r = await this.db.query(
      `UPDATE kb_unanswered SET status = $2, document_id = $3, handled_by = $4, handled_at = now()
       WHERE id = $1`,
      [id, status, documentId, by],
    );
    return r.rowCount > 0;
  }
}
