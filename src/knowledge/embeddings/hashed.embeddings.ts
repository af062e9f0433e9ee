import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { bigrams, foldDiacritics, syllables } from '../../text/normalize';

/** The offline model's name as recorded with the vectors. */
export const HASHED_MODEL = 'hashed-syllables-v1';
/** Every vector in the database has this many dimensions (shorter model outputs are zero-padded). */
export const VECTOR_DIMENSIONS = 512;

// FNV-1a: fast, stable across platforms and runs, good enough spread for feature hashing.
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Options of the hashed model (dimension only; it has no weights to download). */
export interface HashedEmbeddingsParams extends EmbeddingsParams {
  dimensions?: number;
}

/**
 * Deterministic feature-hashing embeddings: syllables and syllable bigrams in both accented and folded form,
 * signed-hashed into a fixed vector. Needs no download; an accent-less query shares its folded features with
 * the accented text.
 */
export class HashedEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(params: HashedEmbeddingsParams = {}) {
    super(params);
    this.dimensions = params.dimensions ?? VECTOR_DIMENSIONS;
  }

  /** Embeds one text (synchronous work, wrapped for the Embeddings interface). */
  embedSync(text: string): number[] {
    const tokens = syllables(text);
    const folded = tokens.map((t) => foldDiacritics(t));
    const counts = new Map<string, number>();
    const add = (prefix: string, list: readonly string[], w: number) => {
      for (const t of list) counts.set(prefix + t, (counts.get(prefix + t) ?? 0) + w);
    };
    add('a', tokens, 1);
    add('b', bigrams(tokens), 1);
    add('f', folded, 1);
    add('g', bigrams(folded), 1);
    const vec = new Array<number>(this.dimensions).fill(0);
    for (const [feature, count] of counts) {
      const h = fnv1a(feature);
      const sign = h & 1 ? 1 : -1;
      const slot = (h >>> 1) % this.dimensions;
      vec[slot] = (vec[slot] ?? 0) + sign * (1 + Math.log(count));
    }
    const norm = Math.hypot(...vec) || 1;
    return vec.map((v) => v / norm);
  }

  /** Embeds documents. */
  embedDocuments(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((t) => this.embedSync(t)));
  }

  /** Embeds a query. */
  embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(this.embedSync(text));
  }
}
