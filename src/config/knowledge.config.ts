import path from 'node:path';
import { z } from 'zod';
import { int, optional, withDefault } from './env-schema';

/** The knowledge base's environment keys. */
export const knowledgeEnv = {
  KNOWLEDGE_DIR: withDefault(z.string().min(1), './knowledge'),
  KNOWLEDGE_MIN_CONFIDENCE: withDefault(z.coerce.number().min(0).max(1), 0.6),
  KNOWLEDGE_EMBEDDINGS_PROVIDER: withDefault(z.enum(['hashed', 'openai']), 'hashed'),
  KNOWLEDGE_EMBEDDINGS_MODEL: withDefault(z.string().min(1), 'text-embedding-3-small'),
  KNOWLEDGE_EMBEDDINGS_BASE_URL: optional(z.url()),
  KNOWLEDGE_EMBEDDINGS_API_KEY: optional(z.string()),
  KNOWLEDGE_EMBEDDINGS_DIMENSIONS: withDefault(int(8, 512), 512),
  KNOWLEDGE_LLM_BASE_URL: optional(z.url()),
  KNOWLEDGE_LLM_MODEL: withDefault(z.string().min(1), 'gpt-4o-mini'),
  KNOWLEDGE_LLM_API_KEY: optional(z.string()),
  KNOWLEDGE_LLM_TIMEOUT_MS: withDefault(int(100, 120_000), 15_000),
  KNOWLEDGE_HNSW_EF_SEARCH: withDefault(int(10, 1000), 400),
  KNOWLEDGE_UPLOAD_MAX_BYTES: withDefault(int(1024, 200 * 1024 * 1024), 20 * 1024 * 1024),
  ASK_RATE_LIMIT_PER_MINUTE: withDefault(int(1, 100_000), 30),
};

type KnowledgeEnv = z.infer<z.ZodObject<typeof knowledgeEnv>>;

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
export function knowledgeConfigOf(e: KnowledgeEnv): KnowledgeConfig {
  return Object.freeze({
    dir: path.resolve(e.KNOWLEDGE_DIR),
    minConfidence: e.KNOWLEDGE_MIN_CONFIDENCE,
    embeddingsProvider: e.KNOWLEDGE_EMBEDDINGS_PROVIDER,
    embeddingsModel: e.KNOWLEDGE_EMBEDDINGS_MODEL,
    embeddingsBaseUrl: e.KNOWLEDGE_EMBEDDINGS_BASE_URL,
    embeddingsApiKey: e.KNOWLEDGE_EMBEDDINGS_API_KEY,
    embeddingsDimensions: e.KNOWLEDGE_EMBEDDINGS_DIMENSIONS,
    llmBaseUrl: e.KNOWLEDGE_LLM_BASE_URL,
    llmModel: e.KNOWLEDGE_LLM_MODEL,
    llmApiKey: e.KNOWLEDGE_LLM_API_KEY,
    llmTimeoutMs: e.KNOWLEDGE_LLM_TIMEOUT_MS,
    hnswEfSearch: e.KNOWLEDGE_HNSW_EF_SEARCH,
    uploadMaxBytes: e.KNOWLEDGE_UPLOAD_MAX_BYTES,
    askRateLimitPerMinute: e.ASK_RATE_LIMIT_PER_MINUTE,
  });
}
