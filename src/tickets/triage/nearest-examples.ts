import { bigrams } from '../../text/normalize';
import { prepareText, type PreparedText } from './phrase-weights';

/** A labelled citizen message the administrator keeps as an example. */
export interface LabelledExample {
  text: string;
  kind: string;
  category: string;
}

type Vector = Map<string, number>;

// Function words carry no topic; leaving them in makes every message look alike.
const STOP = new Set(
  'o tai xa phuong bi va cua cac nhung la co khong da duoc cho toi chung rat nhieu mot nay do thi de nguoi dan ma con van ai gi nhu voi ve tu den lam'.split(
    ' ',
  ),
);

function vectorize(text: PreparedText): Vector {
  const v: Vector = new Map();
  const features = [
    ...text.foldedTokens.filter((t) => !STOP.has(t)),
    ...bigrams(text.foldedTokens).map((b) => `#${b}`),
  ];
  for (const f of features) v.set(f, (v.get(f) ?? 0) + 1);
  return v;
}

function cosine(a: Vector, b: Vector, normA: number, normB: number): number {
  let dot = 0;
  for (const [k, x] of a) dot += x * (b.get(k) ?? 0);
  return normA && normB ? dot / (normA * normB) : 0;
}

const norm = (v: Vector): number => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

/** A neighbour of a message among the labelled examples. */
export interface Neighbour {
  example: LabelledExample;
  similarity: number;
}

/** Nearest labelled examples by cosine similarity of folded syllables and syllable bigrams. */
export class NearestExamples {
  private readonly items: Array<{ example: LabelledExample; vector: Vector; norm: number }>;

  constructor(examples: readonly LabelledExample[]) {
    this.items = examples.map((example) => {
      const vector = vectorize(prepareText(example.text));
      return { example, vector, norm: norm(vector) };
    });
  }

  /** The k most similar examples above a floor of similarity. */
  nearest(text: PreparedText, k = 5, floor = 0.2): Neighbour[] {
    const v = vectorize(text);
    const n = norm(v);
    return this.items
      .map((item) => ({ example: item.example, similarity: cosine(v, item.vector, n, item.norm) }))
      .filter((x) => x.similarity >= floor)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, k);
  }
}
