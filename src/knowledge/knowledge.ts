import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { LOCK_KEYS, type Database } from '../db/database';
import type { Jobs } from '../jobs/job-runner';
import type { AnswerService } from '../ports';
import { KnowledgeAdmin } from './admin/knowledge-admin';
import { KnowledgeAnswerService } from './answer/answer.service';
import { createChatModel } from './answer/llm-answer';
import { createEmbeddingModel } from './embeddings/embeddings.factory';
import { collectFiles, ingestFiles, type IngestDeps, type IngestOutcome } from './ingest/ingest.service';
import { CommuneNameIndex } from '../reference/admin-units/commune-names';
import { countDocuments, storedEmbeddingModel } from './knowledge.repository';
import { expandWithAdminUnits } from './retrieve/admin-expansion';
import { HybridSearch, KnowledgeRetriever, type QueryExpander } from './retrieve/hybrid.retriever';

/** The knowledge area as main.ts and the HTTP app see it. */
export interface Knowledge {
  answerService: AnswerService;
  search: HybridSearch;
  retriever: KnowledgeRetriever;
  ingestDeps: IngestDeps;
  /** Uploads, unanswered questions and published answers (the portal's knowledge-base pages). */
  admin: KnowledgeAdmin;
  /** Ingests the corpus folder when the knowledge base is empty (first start); returns what it did. */
  ingestCorpusIfEmpty(): Promise<IngestOutcome[] | null>;
  /** Requests per minute and client allowed on /api/ask. */
  askRateLimitPerMinute: number;
}

/** What the knowledge area needs; it registers its upload-ingestion job with `jobs`. */
export interface KnowledgeDeps {
  db: Database;
  config: Config;
  logger: Logger;
  jobs: Jobs;
  now?: () => Date;
}

/** The job that ingests queued uploads, one at a time. */
export const UPLOADS_JOB = 'knowledge-uploads';

/** The old→new commune expander over the bundled vn-admin-2025 data (read on the first question). */
export function adminExpander(): QueryExpander {
  return async (question) => expandWithAdminUnits(CommuneNameIndex.bundled(), question);
}

/** Wires embeddings, hybrid search, retriever and answer service over one database. */
export async function createKnowledge(deps: KnowledgeDeps): Promise<Knowledge> {
  const { db, config, logger } = deps;
  const log = logger.child({ component: 'knowledge' });
  const model = createEmbeddingModel(config);
  const stored = await storedEmbeddingModel(db);
  // Vectors from another model are not comparable with this one's queries: search lexically until re-embedded.
  const vectorsUsable = stored === null || stored.model === model.name;
  if (!vectorsUsable)
    log.warn({ stored: stored?.model, configured: model.name }, 'embedding model changed: run npm run ingest -- --reembed');
  const search = new HybridSearch(db, vectorsUsable ? model.embeddings : null, adminExpander());
  const k = config.knowledge;
  const ingestDeps: IngestDeps = { db, embeddings: model.embeddings, modelName: model.name };
  const admin = uploadsAdmin(deps, ingestDeps, log);
  const answerService = new KnowledgeAnswerService(
    search,
    {
      minConfidence: k.minConfidence,
      llm: createChatModel(k),
      llmTimeoutMs: k.llmTimeoutMs,
      onNoAnswer: (question, confidence) => admin.recordUnanswered(question, confidence),
    },
    log,
  );
  return {
    answerService,
    search,
    retriever: new KnowledgeRetriever(search),
    ingestDeps,
    admin,
    askRateLimitPerMinute: k.askRateLimitPerMinute,
    // Replicas starting together on an empty database: one ingests, the others wait and then find it done.
    ingestCorpusIfEmpty: () =>
      db.withAdvisoryLock(LOCK_KEYS.seeding, async () => {
        if ((await countDocuments(db)) > 0) return null;
        const started = Date.now();
        const outcomes = await ingestFiles(await collectFiles([k.dir]), ingestDeps);
        log.info({ documents: outcomes.length, ms: Date.now() - started }, 'ingested the knowledge folder');
        return outcomes;
      }),
  };
}

/** The knowledge-base administration, with the job that ingests its upload queue one file at a time. */
function uploadsAdmin(deps: KnowledgeDeps, ingestDeps: IngestDeps, log: Logger): KnowledgeAdmin {
  const admin = new KnowledgeAdmin(deps.db, ingestDeps, log, {
    maxUploadBytes: deps.config.knowledge.uploadMaxBytes,
    now: deps.now,
    onQueued: () => void deps.jobs.kick(UPLOADS_JOB),
  });
  deps.jobs.add({ name: UPLOADS_JOB, perform: async (now) => ({ more: await admin.ingestNext(now) }) });
  return admin;
}
