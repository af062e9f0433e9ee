import { normalizeText } from '../../text/normalize';

/** Chunk sizes in characters: big enough to hold a clause or an answer, small enough to quote from. */
export interface ChunkOptions {
  maxChars: number;
  /** Characters of trailing sentences repeated at the start of the next chunk. */
  overlapChars: number;
}

/** Defaults used by ingestion. */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 1200, overlapChars: 200 };

// A sentence ends at . ! ? … (optionally followed by a closing quote or bracket) before white space and an
// upper-case letter, digit or opening quote; "3.000" and "5/11/2021" have no space and stay whole.
const SENTENCE_END = /(?<=[.!?…]["'”»)]?)\s+(?=["'“«(]?[\p{Lu}\p{N}])/u;

/** Splits text into sentences: first on line breaks (paragraphs, headings), then on sentence punctuation. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => normalizeText(line))
    .filter((line) => line.length > 0)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

// A single sentence longer than a chunk is cut at word boundaries.
function cutLong(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  const out: string[] = [];
  let current = '';
  for (const word of sentence.split(' ')) {
    if (current && current.length + word.length + 1 > maxChars) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Sentence-aware chunks with overlap: sentences are never split unless one alone exceeds the size. Sentences are
 * joined by line breaks, so captions and headings without final punctuation stay separate when quoting.
 */
export function chunkText(text: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): string[] {
  const sentences = splitSentences(text).flatMap((s) => cutLong(s, options.maxChars));
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const sentence of sentences) {
    if (current.length > 0 && size + sentence.length + 1 > options.maxChars) {
      chunks.push(current.join('\n'));
      const overlap: string[] = [];
      let overlapSize = 0;
      for (let i = current.length - 1; i >= 0; i--) {
        const s = current[i] as string;
        if (overlapSize + s.length > options.overlapChars) break;
        overlap.unshift(s);
        overlapSize += s.length + 1;
      }
      current = overlap;
      size = overlapSize;
    }
    current.push(sentence);
    size += sentence.length + 1;
  }
  if (current.length > 0) chunks.push(current.join('\n'));
  return chunks;
}
