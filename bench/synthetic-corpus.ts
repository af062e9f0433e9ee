import type { Passage } from './corpus';

/** One chunk of the bench corpus before it is embedded. */
export interface CorpusText {
  title: string;
  text: string;
}

/** Longest synthetic chunk in words: about the ingest chunker's 1,200 characters. */
const MAX_WORDS = 240;

interface Group {
  words: string[];
  /** For each word, the positions in `words` where it occurs (its successors are at position + 1). */
  at: Map<string, number[]>;
}

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The document a passage belongs to: the id before ':' (a law, a resolution), else a run of ten passages. */
function documentOf(p: Passage, index: number): string {
  const colon = p.id.indexOf(':');
  return colon > 0 ? p.id.slice(0, colon) : `run-${Math.floor(index / 10)}`;
}

function groupsOf(passages: readonly Passage[]): { groups: Map<string, Group>; of: string[] } {
  const groups = new Map<string, Group>();
  const of = passages.map((p, i) => {
    const key = documentOf(p, i);
    const g = groups.get(key) ?? { words: [], at: new Map<string, number[]>() };
    for (const w of p.text.split(/\s+/).filter(Boolean)) {
      const list = g.at.get(w) ?? [];
      list.push(g.words.length);
      g.at.set(w, list);
      g.words.push(w);
    }
    groups.set(key, g);
    return key;
  });
  return { groups, of };
}

/**
 * A corpus of any size shaped like the real passages. The first copy is the passages themselves; every further
 * chunk is new text walked from its document's word-bigram statistics (start at a random word of the document,
 * then repeatedly one of the words that follow the current one there), as long as the passage it stands in for
 * (at most a chunk's length), under that passage's title. The hashed embedder sees syllables and syllable
 * bigrams, so these chunks carry the vocabulary, bigram statistics, topics and lengths of real ones without being
 * near-copies of each other (replicating passages made clusters of 17 almost equal vectors at 100k).
 */
export function syntheticCorpus(passages: readonly Passage[]): (i: number) => CorpusText {
  const { groups, of } = groupsOf(passages);
  return (i) => {
    const p = passages[i % passages.length]!;
    if (i < passages.length) return { title: p.title, text: p.text };
    const g = groups.get(of[i % passages.length]!)!;
    if (g.words.length === 0) return { title: p.title, text: p.text };
    const next = random(i);
    const length = Math.min(MAX_WORDS, Math.max(8, p.text.split(/\s+/).length));
    const out: string[] = [];
    let pos = Math.floor(next() * g.words.length);
    while (out.length < length) {
      const word = g.words[pos]!;
      out.push(word);
      const seen = g.at.get(word)!;
      const from = seen[Math.floor(next() * seen.length)]! + 1;
      pos = from < g.words.length ? from : Math.floor(next() * g.words.length);
    }
    return { title: p.title, text: out.join(' ') };
  };
}
