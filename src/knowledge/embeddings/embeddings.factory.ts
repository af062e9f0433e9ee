import type { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../../config/config';
import { HASHED_MODEL, HashedEmbeddings, VECTOR_DIMENSIONS } from './hashed.embeddings';

/** An embedding model and the name its vectors are recorded under. */
export interface EmbeddingModel {
  embeddings: Embeddings;
  /** Provider and model, e.g. "hashed-syllables-v1" or "openai:text-embedding-3-small". */
  name: string;
}

/** Builds the configured model: the offline hashed one by default, or an OpenAI-compatible endpoint. */
export function createEmbeddingModel(config: Config): EmbeddingModel {
  const k = config.knowledge;
  if (k.embeddingsProvider === 'openai') {
    const embeddings = new OpenAIEmbeddings({
      model: k.embeddingsModel,
      apiKey: k.embeddingsApiKey ?? 'not-needed',
      // Matryoshka models (text-embedding-3-*) return exactly the column's size when asked.
      dimensions: k.embeddingsDimensions,
      configuration: { baseURL: k.embeddingsBaseUrl },
      maxRetries: 1,
    });
    return { embeddings, name: `openai:${k.embeddingsModel}` };
  }
  return { embeddings: new HashedEmbeddings(), name: HASHED_MODEL };
}

/** Fits a vector to the database column: shorter ones are zero-padded (cosine unchanged), longer ones refused. */
export function toColumnVector(vector: readonly number[]): string {
  if (vector.length > VECTOR_DIMENSIONS)
    throw new Error(
      `embedding has ${vector.length} dimensions; the column holds ${VECTOR_DIMENSIONS} (set KNOWLEDGE_EMBEDDINGS_DIMENSIONS)`,
    );
  const padded = [...vector, ...new Array<number>(VECTOR_DIMENSIONS - vector.length).fill(0)];
  return `[${padded.map((v) => (Number.isFinite(v) ? v.toFixed(6) : '0')).join(',')}]`;
}
