import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Database } from '../../db/database';
import { AppError } from '../../http/errors';
import { foldDiacritics, normalizeText } from '../../text/normalize';
import { vi } from '../../i18n/strings.vi';
import { toColumnVector } from '../embeddings/embeddings.factory';
import {
  documentHashes,
  recordEmbeddingModel,
  saveDocuments,
  vacuumPostings,
  type DocumentRecord,
} from '../knowledge.repository';
import { documentEntities } from '../entities/document-entities';
import { extractEntities } from '../entities/entities';
import { indexTerms } from '../retrieve/terms';
import { chunkText, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunker';
import { docNumberTokens } from './doc-numbers';
import { loadFile, SUPPORTED_EXTENSIONS } from './loaders';
import { extractMetadata, sidecarSchema, type DocumentMetadata, type Sidecar } from './metadata';

/** A document's text and metadata before analysis (from a file, or from an evaluation set). */
export interface SourceDocument {
  id: string;
  text: string;
  metadata: DocumentMetadata;
}

/** What happened to one input. */
export type IngestOutcome =
  | { id: string; status: 'added' | 'updated' | 'unchanged'; chunks: number }
  | { id: string; status: 'failed'; code: string; message: string };

/** The embedding model ingestion writes vectors with. */
export interface IngestDeps {
  db: Database;
  embeddings: Embeddings;
  modelName: string;
  chunkOptions?: ChunkOptions;
}

// Bumped when the analysis stored with a document changes (v2: entities), so re-ingesting refreshes it.
const ANALYSIS_VERSION = 2;

function contentHash(doc: SourceDocument, modelName: string): string {
  return createHash('sha256')
    .update(JSON.stringify([doc.text, doc.metadata, modelName, ANALYSIS_VERSION]))
    .digest('hex');
}

async function analyse(doc: SourceDocument, deps: IngestDeps, hash: string): Promise<DocumentRecord> {
  const chunks = chunkText(doc.text, deps.chunkOptions ?? DEFAULT_CHUNK_OPTIONS);
  const { title } = doc.metadata;
  const docNumbers = docNumberTokens(`${title}\n${doc.metadata.number ?? ''}`);
  const vectors = await deps.embeddings.embedDocuments(chunks.map((c) => `${title}\n${c}`));
  const { province, entities } = documentEntities(title, doc.metadata.issuer, doc.text, doc.metadata.province);
  return {
    id: doc.id,
    ...doc.metadata,
    province,
    entities,
    docNumbers,
    contentHash: hash,
    chunks: chunks.map((text, ordinal) => {
      const terms = indexTerms(`${title}\n${text}`, docNumbers);
      return {
        key: `${doc.id}#${ordinal}`,
        ordinal,
        text,
        folded: foldDiacritics(text).toLowerCase(),
        length: terms.length,
        terms: terms.tf,
        embedding: toColumnVector(vectors[ordinal] ?? []),
        entities: extractEntities(text),
      };
    }),
  };
}

/** Stores documents in batches; unchanged ones (same content hash) are left alone. */
export async function ingestDocuments(
  docs: readonly SourceDocument[],
  deps: IngestDeps,
  onProgress: (done: number) => void = () => {},
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  const batchSize = 200;
  for (let i = 0; i < docs.length; i += batchSize) {
    const batch = docs.slice(i, i + batchSize);
    const existing = await documentHashes(
      deps.db,
      batch.map((d) => d.id),
    );
    const records: DocumentRecord[] = [];
    for (const doc of batch) {
      const hash = contentHash(doc, deps.modelName);
      if (existing.get(doc.id) === hash) {
        outcomes.push({ id: doc.id, status: 'unchanged', chunks: 0 });
        continue;
      }
      const record = await analyse(doc, deps, hash);
      records.push(record);
      outcomes.push({ id: doc.id, status: existing.has(doc.id) ? 'updated' : 'added', chunks: record.chunks.length });
    }
    await deps.db.transaction((tx) => saveDocuments(tx, records));
    onProgress(Math.min(i + batchSize, docs.length));
  }
  if (outcomes.some((o) => o.status === 'added' || o.status === 'updated')) {
    const dims = (await deps.embeddings.embedQuery('a')).length;
    await recordEmbeddingModel(deps.db, deps.modelName, dims);
    await vacuumPostings(deps.db);
  }
  return outcomes;
}

/** A file to ingest and the folder its id is relative to. */
export interface InputFile {
  file: string;
  root: string;
}

/**
 * Every supported file under the given files or folders (sidecars and READMEs are not documents). A folder's
 * files get ids relative to that folder; a file named directly gets its base name.
 */
export async function collectFiles(inputs: readonly string[]): Promise<InputFile[]> {
  const out = new Map<string, InputFile>();
  for (const input of inputs) {
    const full = path.resolve(input);
    const info = await stat(full).catch(() => null);
    if (!info?.isDirectory()) {
      out.set(full, { file: full, root: path.dirname(full) });
      continue;
    }
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    for (const e of entries) {
      if (!e.isFile() || e.name.endsWith('.meta.json') || /^readme\.md$/i.test(e.name)) continue;
      const file = path.join(e.parentPath, e.name);
      if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(e.name).toLowerCase()))
        out.set(file, { file, root: full });
    }
  }
  return [...out.values()].sort((a, b) => a.file.localeCompare(b.file));
}

/** Reads and stores files; a file that cannot be used is reported with its error and the others go on. */
export async function ingestFiles(
  files: readonly InputFile[],
  deps: IngestDeps,
  onProgress: (done: number, file: string) => void = () => {},
): Promise<IngestOutcome[]> {
  const failed: IngestOutcome[] = [];
  const docs: SourceDocument[] = [];
  for (const [i, f] of files.entries()) {
    try {
      docs.push(await readSourceFile(f.file, f.root));
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('ingest_unreadable', 400, vi.knowledge.ingestUnreadable);
      failed.push({ id: path.relative(f.root, f.file) || f.file, status: 'failed', code: e.code, message: e.message });
    }
    onProgress(i + 1, f.file);
  }
  return [...(await ingestDocuments(docs, deps)), ...failed];
}

async function readSidecar(file: string): Promise<Sidecar> {
  const raw = await readFile(`${file.replace(/\.[^.]+$/, '')}.meta.json`, 'utf8').catch(() => null);
  if (raw === null) return {};
  const parsed = sidecarSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new AppError('ingest_bad_sidecar', 400, vi.knowledge.ingestBadSidecar);
  return parsed.data;
}

/** Reads one file into a source document; the id is its path relative to `root` (stable across machines). */
export async function readSourceFile(file: string, root: string): Promise<SourceDocument> {
  const text = await loadFile(file);
  const sidecar = await readSidecar(file).catch((err: unknown) => {
    throw err instanceof AppError ? err : new AppError('ingest_bad_sidecar', 400, vi.knowledge.ingestBadSidecar);
  });
  const id = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
  const fallbackTitle = normalizeText(path.basename(file, path.extname(file)));
  return { id, text, metadata: extractMetadata(text, fallbackTitle, sidecar) };
}
