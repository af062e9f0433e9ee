import path from 'node:path';
import type { Logger } from 'pino';
import { vi } from '../../i18n/strings.vi';
import { requireRole } from '../../http/access';
import type { StaffPrincipal } from '../../ports';
import type { Database } from '../../db/database';
import { AppError, appError } from '../../http/errors';
import { redactPersonalData } from '../../text/redact';
import { foldDiacritics, normalizeForMatch, normalizeText } from '../../text/normalize';
import { vnDay } from '../../reference/vn-time';
import { ingestDocuments, type IngestDeps } from '../ingest/ingest.service';
import { loadBytes, SUPPORTED_EXTENSIONS } from '../ingest/loaders';
import { extractMetadata, sidecarSchema, type Sidecar } from '../ingest/metadata';
import { KnowledgeAdminRepository, type ClaimedUpload } from './knowledge-admin.repository';
import type { Clock } from '../../reference/clock';
import { provinceNames } from '../entities/provinces';

/** Settings of the knowledge-base administration. */
export interface KnowledgeAdminOptions {
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
  /** How long a worker may hold an upload before another may take it over (a crashed worker's lease). */
  leaseMs?: number;
  now?: Clock;
  /** Called when an upload is queued (the composition root kicks the ingestion job). */
  onQueued?: () => void;
}

/** A file an administrator uploads, with optional metadata that wins over what the text says. */
export interface UploadInput {
  filename: string;
  bytes: Buffer;
  metadata: Sidecar;
}

// Upload ids are readable and stable: the same file name uploaded again replaces the earlier version.
function documentIdFor(filename: string): string {
  const base = normalizeText(path.basename(filename))
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `uploads/${base}`;
}

/** The key under which repeated askings of one question are counted (case, accents and punctuation aside). */
export function questionKey(question: string): string {
  return foldDiacritics(normalizeForMatch(question))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 500);
}

/**
 * What an administrator typed for a document's province: nothing (infer it), the "no province" choice, or a
 * province's name with or without accents or "tỉnh"/"thành phố"; anything else is refused.
 */
export function provinceChoice(typed: string): 'auto' | { province: string | null } {
  const wanted = foldDiacritics(normalizeForMatch(typed))
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, '')
    .trim();
  if (!wanted) return 'auto';
  if (wanted === foldDiacritics(normalizeForMatch(vi.admin.knowledge.noProvince))) return { province: null };
  const match = provinceNames().find((p) => p.folded === wanted);
  if (!match) throw appError('province_unknown', 400);
  return { province: match.name };
}

/**
 * Knowledge-base administration: uploads queued with their bytes and ingested one at a time by a background job
 * (restartable after a crash), the questions the bot could not answer, and answers published as documents.
 */
export class KnowledgeAdmin {
  readonly repo: KnowledgeAdminRepository;

  constructor(
    db: Database,
    private readonly ingest: IngestDeps,
    private readonly logger: Logger,
    private readonly options: KnowledgeAdminOptions,
  ) {
    this.repo = new KnowledgeAdminRepository(db);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Queues an uploaded document for ingestion and signals the ingestion job; returns the upload id. */
  async upload(actor: StaffPrincipal, input: UploadInput): Promise<number> {
    requireRole(actor, 'admin');
    const ext = path.extname(input.filename).toLowerCase();
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext))
      throw new AppError('ingest_unsupported_type', 400, vi.knowledge.ingestUnsupported(ext));
    if (input.bytes.length === 0) throw new AppError('ingest_empty', 400, vi.knowledge.ingestEmpty);
    if (input.bytes.length > this.options.maxUploadBytes) throw appError('payload_too_large', 413);
    const { province: typed, ...metadata } = sidecarSchema.parse(input.metadata);
    const documentId = documentIdFor(input.filename);
    // A province chosen with the file is the administrator's, like one set later in the document list.
    const province = typed ? provinceChoice(typed) : 'auto';
    const id = await this.repo.insertUpload({
      filename: normalizeText(path.basename(input.filename)).slice(0, 200),
      documentId,
      bytes: input.bytes,
      metadata: metadata as Record<string, string>,
      uploadedBy: actor.userId,
    });
    if (province !== 'auto') await this.repo.setProvince(documentId, province.province, actor.userId);
    this.options.onQueued?.();
    return id;
  }

  /**
   * Ingests the next queued upload (or one whose worker's lease ran out after a crash) at the instant `now`;
   * returns whether there was one, so the job goes round again.
   */
  async ingestNext(now: Date): Promise<boolean> {
    const claimed = await this.repo.claimNext(now, this.options.leaseMs ?? 10 * 60_000);
    if (!claimed) return false;
    await this.process(claimed);
    return true;
  }

  private async process(upload: ClaimedUpload): Promise<void> {
    try {
      const text = await loadBytes(upload.filename, upload.bytes);
      const fallbackTitle = normalizeText(path.basename(upload.filename, path.extname(upload.filename)));
      const metadata = extractMetadata(text, fallbackTitle, sidecarSchema.parse(upload.metadata ?? {}));
      const [outcome] = await ingestDocuments([{ id: upload.document_id, text, metadata }], this.ingest);
      if (!outcome || outcome.status === 'failed') throw new AppError('ingest_failed', 500);
      await this.repo.finishUpload(upload.id, { status: 'done', outcome: outcome.status, chunks: outcome.chunks });
      this.logger.info({ upload: upload.id, outcome: outcome.status, chunks: outcome.chunks }, 'upload ingested');
    } catch (err) {
      const known = err instanceof AppError && err.status < 500;
      if (!known) this.logger.error({ err, upload: upload.id }, 'upload ingestion failed');
      await this.repo.finishUpload(upload.id, {
        status: 'failed',
        code: known ? err.code : 'ingest_failed',
        message: known ? err.message : vi.errors.ingest_failed,
      });
    }
  }

  /** Removes a document from the knowledge base. */
  async deleteDocument(actor: StaffPrincipal, documentId: string): Promise<void> {
    requireRole(actor, 'admin');
    if (!(await this.repo.deleteDocument(documentId))) throw appError('document_not_found', 404);
  }

  /**
   * Sets the province a document is about, as an administrator typed or chose it: a province's name (with or
   * without accents or "tỉnh"), the "no province" choice, or nothing to go back to the inferred one. Retrieval reads
   * it on the next question; re-ingesting the document keeps it.
   */
  async setDocumentProvince(
    actor: StaffPrincipal,
    documentId: string,
    typed: string,
  ): Promise<{ title: string; province: string | null; reset: boolean }> {
    requireRole(actor, 'admin');
    const title = await this.repo.documentTitle(documentId);
    if (title === undefined) throw appError('document_not_found', 404);
    const choice = provinceChoice(typed);
    if (choice === 'auto') {
      await this.repo.clearProvince(documentId);
      return { title, province: null, reset: true };
    }
    await this.repo.setProvince(documentId, choice.province, actor.userId);
    return { title, province: choice.province, reset: false };
  }

  /** Counts a question the knowledge base could not answer (personal data redacted first). */
  async recordUnanswered(question: string, confidence: number): Promise<void> {
    const text = redactPersonalData(normalizeText(question)).slice(0, 1000);
    const key = questionKey(text);
    if (key.length === 0) return;
    await this.repo.recordUnanswered(key, text, Number.isFinite(confidence) ? confidence : 0);
  }

  /**
   * Publishes an administrator's answer as a knowledge-base document (id `hoi-dap/<question id>`), so the bot
   * answers the question, quoting it, from now on; the question is marked answered.
   */
  async publishAnswer(
    actor: StaffPrincipal,
    questionId: number,
    input: { question: string; answer: string; issuer?: string },
  ): Promise<string> {
    requireRole(actor, 'admin');
    const row = await this.repo.question(questionId);
    if (!row) throw appError('question_not_found', 404);
    const question = normalizeText(input.question);
    const answer = input.answer.trim();
    const documentId = `hoi-dap/${questionId}`;
    const metadata = {
      title: vi.knowledge.faqTitle(question).slice(0, 200),
      date: vnDay(this.now()),
      source: null,
      issuer: input.issuer?.trim() || null,
      number: null,
    };
    // The question lives in the title (indexed with every chunk), so the quoted sentences come from the answer.
    const [outcome] = await ingestDocuments([{ id: documentId, text: answer, metadata }], this.ingest);
    if (!outcome || outcome.status === 'failed') throw appError('ingest_failed', 500);
    await this.repo.closeQuestion(questionId, 'answered', documentId, actor.userId);
    return documentId;
  }

  /** Sets a question aside (spam, out of scope) without answering it. */
  async dismiss(actor: StaffPrincipal, questionId: number): Promise<void> {
    requireRole(actor, 'admin');
    if (!(await this.repo.closeQuestion(questionId, 'dismissed', null, actor.userId)))
      throw appError('question_not_found', 404);
  }
}
