import type { MessageKind } from '../../ports';
import { foldDiacritics } from '../../text/normalize';
import { NearestExamples, type LabelledExample, type Neighbour } from './nearest-examples';
import { PhraseWeights, prepareText, type PreparedText } from './phrase-weights';

/** Why the classifier decided what it did: the scores and the phrases and examples behind them. */
export interface Classification {
  kind: MessageKind;
  category: string;
  /** A business speaking for itself ("doanh nghiệp chúng tôi…", "cty toi…"): a business obstacle. */
  business: boolean;
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
const BUSINESS_CATEGORY = 'doanh-nghiep-dau-tu';
// "doanh nghiệp chúng tôi…", "công ty tôi…", "HTX chúng tôi…", "bên cty mình…" (folded).
const BUSINESS_VOICE =
  / (doanh nghiep|cong ty|cty|hop tac xa|htx|nha dau tu|chu dau tu|xuong|nha may)( cua)? (chung toi|toi|minh|em|chung em|ben toi) |^ (doanh nghiep|cong ty|cty|hop tac xa|htx) (xin|gap|chua duoc|can|muon|de nghi|kien nghi|mong) /;
// Words that say who writes (a business), not what the message is about.
const SPEAKER_HITS = new Set([
  'doanh nghiep',
  'cong ty',
  'cty',
  'hop tac xa',
  'htx',
  'khu cong nghiep',
  'nha may',
  'xuong',
]);
// A message about one's own earlier report: the report named as one's own ("phản ánh của tôi", "tôi đã gửi đơn",
// "phản ánh em gửi") and a follow-up on it ("chưa", "đến đâu", "kết quả", "ai nhận", "cơ quan nào").
const OWN_REPORT =
  / ((phan anh|kien nghi|don|ho so)( [a-z]+){0,3} cua (toi|minh|em|gia dinh toi|nha toi)|(toi|minh|em|tui) (da )?(gui|nop) (phan anh|kien nghi|don|ho so)|(phan anh|kien nghi|don) (toi|minh|em) (da )?(gui|nop)) /;
const FOLLOW_UP =
  / (chua|bao gio|den dau|ket qua|tra loi|ai nhan|co quan nao|tien do|xu ly chua|giai quyet chua|sao van) /;
// A question about a procedure, however it is typed: how it opens or how it ends, and what it is about.
const ASKING =
  /^ (cho (toi|minh|em|tui|chau|anh|chi|con) hoi|xin hoi|hoi) | (o dau|bao lau|bao nhieu|the nao|ra sao|khong|chua|gi|nao)( (vay|a|nhi|ha|the))? $/;
const PROCEDURE =
  / (thu tuc|ho so|giay to|giay phep|dieu kien|nop|dang ky|lam lai|cap lai|xin|muc|che do|thoi gian) /;
// A topic this strong wins over the speaker's words: land in an industrial zone is a land matter.
const MIN_TOPIC_SCORE = 2;

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
    const business = BUSINESS_VOICE.test(prepared.folded);
    const best = argmax(categoryScores, this.categories.labels());
    const bestCategory = business
      ? topicOverSpeaker(best, categoryScores, hits[BUSINESS_CATEGORY] ?? [])
      : best;
    const category =
      (categoryScores[bestCategory] ?? 0) >= MIN_CATEGORY_SCORE ? bestCategory : FALLBACK_CATEGORY;
    return {
      kind: argmax(kindScores, KIND_PRIORITY) as MessageKind,
      category,
      business,
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
    if (ASKING.test(text.folded) && PROCEDURE.test(text.folded)) scores.question = (scores.question ?? 0) + 4;
    if (OWN_REPORT.test(text.folded) && FOLLOW_UP.test(text.folded)) scores.track = (scores.track ?? 0) + 8;
    for (const n of neighbours) scores[n.example.kind] = (scores[n.example.kind] ?? 0) + 2 * n.similarity;
    for (const k of Object.keys(scores)) scores[k] = round(scores[k] ?? 0);
    return scores;
  }
}

/** The business category won only on words naming the speaker: the best other topic, if it is strong enough. */
function topicOverSpeaker(
  best: string,
  scores: Record<string, number>,
  businessHits: readonly string[],
): string {
  if (best !== BUSINESS_CATEGORY) return best;
  if (!businessHits.every((h) => SPEAKER_HITS.has(foldDiacritics(h)))) return best;
  const topics = Object.entries(scores).filter(([c]) => c !== BUSINESS_CATEGORY && c !== FALLBACK_CATEGORY);
  const [topic, score] = topics.sort((a, b) => b[1] - a[1])[0] ?? [best, 0];
  return score >= MIN_TOPIC_SCORE ? topic : best;
}

function argmax(scores: Record<string, number>, order: readonly string[]): string {
  let best = order[0] as string;
  for (const label of order) if ((scores[label] ?? 0) > (scores[best] ?? 0)) best = label;
  return best;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
