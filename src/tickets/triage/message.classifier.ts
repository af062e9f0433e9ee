import type { MessageKind } from '../../ports';
import { NearestExamples, type LabelledExample, type Neighbour } from './nearest-examples';
import { PhraseWeights, prepareText, type PreparedText } from './phrase-weights';

/** Why the classifier decided what it did: the scores and the phrases and examples behind them. */
export interface Classification {
  kind: MessageKind;
  category: string;
  categoryScores: Record<string, number>;
  kindScores: Record<string, number>;
  hits: Record<string, string[]>;
  neighbours: Array<{ text: string; category: string; similarity: number }>;
}

/** The data a classifier is built from (see src/tickets/data/triage/). */
export interface ClassifierData {
  categories: Record<string, Record<string, number> | string>;
  kinds: Record<string, Record<string, number> | string>;
  examples: LabelledExample[];
}

/** A tracking code (e.g. TH-7K3Q9) means the citizen asks about an existing ticket. */
export const TRACKING_CODE_IN_TEXT = /\b[A-Z]{2,3}-[2-9A-HJ-NP-Z]{5}\b/i;
const FALLBACK_CATEGORY = 'khac';
// Below this, no category is convincing: "khác" goes to the provincial office, which re-routes by hand.
const MIN_CATEGORY_SCORE = 1;
const EXAMPLE_WEIGHT = 3;
const KIND_PRIORITY: MessageKind[] = ['track', 'denunciation', 'complaint', 'feedback', 'question'];

/** Kind and category of a citizen message from phrase weights plus nearest labelled examples; every score is inspectable. */
export class MessageClassifier {
  private readonly categories: PhraseWeights;
  private readonly kinds: PhraseWeights;
  private readonly examples: NearestExamples;

  constructor(data: ClassifierData) {
    this.categories = new PhraseWeights(data.categories);
    this.kinds = new PhraseWeights(data.kinds);
    this.examples = new NearestExamples(data.examples);
  }

  /** Classifies one message. */
  classify(text: string): Classification {
    const prepared = prepareText(text);
    const neighbours = this.examples.nearest(prepared);
    const { scores: categoryScores, hits } = this.scoreCategories(prepared, neighbours);
    const kindScores = this.scoreKinds(text, prepared, neighbours);
    const bestCategory = argmax(categoryScores, this.categories.labels());
    const category =
      (categoryScores[bestCategory] ?? 0) >= MIN_CATEGORY_SCORE ? bestCategory : FALLBACK_CATEGORY;
    return {
      kind: argmax(kindScores, KIND_PRIORITY) as MessageKind,
      category,
      categoryScores,
      kindScores,
      hits,
      neighbours: neighbours.map((n) => ({
        text: n.example.text,
        category: n.example.category,
        similarity: round(n.similarity),
      })),
    };
  }

  private scoreCategories(text: PreparedText, neighbours: Neighbour[]) {
    const scores: Record<string, number> = {};
    const hits: Record<string, string[]> = {};
    for (const [label, r] of this.categories.score(text)) {
      scores[label] = r.score;
      if (r.hits.length) hits[label] = r.hits;
    }
    for (const n of neighbours) {
      const c = n.example.category;
      if (c === FALLBACK_CATEGORY || !c) continue;
      scores[c] = (scores[c] ?? 0) + EXAMPLE_WEIGHT * n.similarity;
    }
    for (const k of Object.keys(scores)) scores[k] = round(scores[k] ?? 0);
    return { scores, hits };
  }

  private scoreKinds(raw: string, text: PreparedText, neighbours: Neighbour[]): Record<string, number> {
    const scores: Record<string, number> = { feedback: 1 };
    for (const [label, r] of this.kinds.score(text)) scores[label] = (scores[label] ?? 0) + r.score;
    if (TRACKING_CODE_IN_TEXT.test(raw)) scores.track = (scores.track ?? 0) + 10;
    if (/\?\s*$/.test(raw.trim())) scores.question = (scores.question ?? 0) + 2;
    for (const n of neighbours) scores[n.example.kind] = (scores[n.example.kind] ?? 0) + 2 * n.similarity;
    for (const k of Object.keys(scores)) scores[k] = round(scores[k] ?? 0);
    return scores;
  }
}

function argmax(scores: Record<string, number>, order: readonly string[]): string {
  let best = order[0] as string;
  for (const label of order) if ((scores[label] ?? 0) > (scores[best] ?? 0)) best = label;
  return best;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
