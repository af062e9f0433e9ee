import path from 'node:path';
import { z } from 'zod';
import { int, optional, settings, withDefault } from './env-schema';

const knowledge = settings({
  dir: ['KNOWLEDGE_DIR', withDefault(z.string().min(1), './knowledge')],
  minConfidence: ['KNOWLEDGE_MIN_CONFIDENCE', withDefault(z.coerce.number().min(0).max(1), 0.6)],
  embeddingsProvider: ['KNOWLEDGE_EMBEDDINGS_PROVIDER', withDefault(z.enum(['hashed', 'openai']), 'hashed')],
  embeddingsModel: ['KNOWLEDGE_EMBEDDINGS_MODEL', withDefault(z.string().min(1), 'text-embedding-3-small')],
  embeddingsBaseUrl: ['KNOWLEDGE_EMBEDDINGS_BASE_URL', optional(z.url())],
  embeddingsApiKey: ['KNOWLEDGE_EMBEDDINGS_API_KEY', optional(z.string())],
  embeddingsDimensions: ['KNOWLEDGE_EMBEDDINGS_DIMENSIONS', withDefault(int(8, 512), 512)],
  llmBaseUrl: ['KNOWLEDGE_LLM_BASE_URL', optional(z.url())],
  llmModel: ['KNOWLEDGE_LLM_MODEL', withDefault(z.string().min(1), 'gpt-4o-mini')],
  llmApiKey: ['KNOWLEDGE_LLM_API_KEY', optional(z.string())],
  llmTimeoutMs: ['KNOWLEDGE_LLM_TIMEOUT_MS', withDefault(int(100, 120_000), 15_000)],
  hnswEfSearch: ['KNOWLEDGE_HNSW_EF_SEARCH', withDefault(int(10, 1000), 600)],
  uploadMaxBytes: ['KNOWLEDGE_UPLOAD_MAX_BYTES', withDefault(int(1024, 200 * 1024 * 1024), 20 * 1024 * 1024)],
  askRateLimitPerMinute: ['ASK_RATE_LIMIT_PER_MINUTE', withDefault(int(1, 100_000), 30)],
});

/** The knowledge base's environment keys. */
export const knowledgeEnv = knowledge.env;

/** Knowledge-base settings: corpus folder, answer threshold, embedding and LLM endpoints. */
export type KnowledgeConfig = Readonly<{
  dir: string;
  minConfidence: number;
  embeddingsProvider: 'hashed' | 'openai';
  embeddingsModel: string;
  embeddingsBaseUrl: string | undefined;
  embeddingsApiKey: string | undefined;
  embeddingsDimensions: number;
  /** Set to use an LLM (OpenAI-compatible chat completions) for answers; unset means extractive answers. */
  llmBaseUrl: string | undefined;
  llmModel: string;
  llmApiKey: string | undefined;
  llmTimeoutMs: number;
  /** pgvector's `hnsw.ef_search` on every database connection: candidates the vector search visits (docs/performance.md). */
  hnswEfSearch: number;
  /** Largest document an administrator may upload in the portal. */
  uploadMaxBytes: number;
  askRateLimitPerMinute: number;
}>;

/** The knowledge settings from the parsed environment. */
export function knowledgeConfigOf(e: Parameters<typeof knowledge.read>[0]): KnowledgeConfig {
  const s = knowledge.read(e);
  return Object.freeze({ ...s, dir: path.resolve(s.dir) });
}
