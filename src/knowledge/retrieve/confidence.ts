import { bigrams, foldDiacritics, hasDiacritics, syllables } from '../../text/normalize';
import { docNumberTokens } from '../ingest/doc-numbers';
import { FIELD } from './terms';

// Question words and glue that say nothing about the topic: a passage need not contain them to answer.
const QUESTION_WORDS = new Set(
  [
    'gì', 'nào', 'bao', 'nhiêu', 'ai', 'đâu', 'sao', 'thế', 'như', 'là', 'của', 'có', 'không', 'được', 'và',
    'các', 'những', 'cho', 'với', 'trong', 'theo', 'này', 'đó', 'thì', 'mà', 'về', 'để', 'làm', 'hỏi', 'xin',
    'biết', 'ạ', 'vậy', 'nội', 'dung', 'mấy', 'bằng', 'đến', 'từ', 'tại', 'hay', 'hoặc', 'muốn', 'bị', 'ở',
    'khi', 'ra', 'vào', 'cần', 'phải', 'đã', 'sẽ', 'đang', 'một', 'người', 'năm', 'ngày', 'nói', 'gồm',
  ].flatMap((w) => [w, foldDiacritics(w)]),
);
// "nội dung" (content) is glue in "về nội dung gì"; "người" and "năm"/"ngày" are too common to prove a topic.

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

// Words that name the kind of answer asked for ("giữ chức vụ gì?" wants "Ủy viên Trung ương Đảng"): the passage
// that answers states the position, it seldom says "chức vụ". Glue only in a question that asks.
const ANSWER_KINDS = new Set(
  ['chức vụ', 'chức danh', 'cương vị', 'giữ chức', 'họ tên'].flatMap((w) => [w, foldDiacritics(w)]),
);
const ASKS = new Set(['gì', 'gi', 'nào', 'nao', 'ai']);

// Which syllables of a question are glue: question words, and answer kinds when the question asks.
function glueAt(tokens: readonly string[]): boolean[] {
  const glue = tokens.map((t) => QUESTION_WORDS.has(t));
  if (!tokens.some((t) => ASKS.has(t))) return glue;
  for (let i = 0; i + 1 < tokens.length; i++)
    if (ANSWER_KINDS.has(`${tokens[i]} ${tokens[i + 1]}`)) glue[i] = glue[i + 1] = true;
  return glue;
}

/** The content terms of a question in the field it searches (accented, or folded when typed without accents). */
export function contentTerms(question: string): string[] {
  const accented = hasDiacritics(question);
  const tokens = syllables(question).map((t) => (accented ? t : foldDiacritics(t)));
  const prefix = accented ? FIELD.accented : FIELD.folded;
  const glue = glueAt(tokens);
  const uni = tokens.filter((_, i) => !glue[i]);
  // A pair spanning a document number ("luận_610") is not evidence: the text says "Kết luận số 610-KL/TU".
  const bi = bigrams(tokens).filter(
    (b, i) => !glue[i] && !glue[i + 1] && b.split('_').every((t) => !/\d/.test(t)),
  );
  const numbers = docNumberTokens(question).map((n) => FIELD.number + n);
  return [...new Set([...uni, ...bi].map((t) => prefix + t)), ...numbers];
}

// A pair of known syllables that the corpus never puts together ("đặt_mục" of "đặt mục tiêu") says how the
// question is phrased, not that its topic is missing, when one of its syllables already belongs to a pair the
// corpus knows ("mục_tiêu"). A pair with no such neighbour is the question's own compound ("học_phí" of "hỗ trợ
// học phí"): the corpus not holding it is evidence that the topic is missing, however common "học" and "phí" are.
function unusedPhrase(term: string, df: ReadonlyMap<string, number>, knownPairs: ReadonlySet<string>): boolean {
  if (!term.includes('_') || (df.get(term) ?? 0) > 0) return false;
  const prefix = term.slice(0, 2);
  const words = term.slice(2).split('_');
  return words.every((w) => (df.get(prefix + w) ?? 0) > 0) && words.some((w) => knownPairs.has(w));
}

/** The syllables of the question's pairs that the corpus holds as pairs. */
function syllablesOfKnownPairs(terms: readonly string[], df: ReadonlyMap<string, number>): Set<string> {
  const inPairs = new Set<string>();
  for (const t of terms)
    if (t.includes('_') && (df.get(t) ?? 0) > 0) for (const w of t.slice(2).split('_')) inPairs.add(w);
  return inPairs;
}

/** Question terms judged apart from the passage's words: left out of coverage, or counted as present. */
export interface TermJudgement {
  ignore?: (term: string) => boolean;
  matched?: (term: string) => boolean;
}

/**
 * How much of the question the best passage covers: the IDF-weighted share of the question's content syllables
 * and syllable pairs present in it. Terms absent from the whole corpus weigh the most, so a question about
 * something the knowledge base never mentions ("thời tiết") scores low even when glue words match.
 */
export function coverage(
  question: string,
  passageTerms: ReadonlySet<string>,
  df: ReadonlyMap<string, number>,
  chunks: number,
  given: TermJudgement = {},
): number {
  const all = contentTerms(question);
  const knownPairs = syllablesOfKnownPairs(all, df);
  const terms = all.filter((t) => !given.ignore?.(t) && !unusedPhrase(t, df, knownPairs));
  let total = 0;
  let matched = 0;
  for (const t of terms) {
    const w = idf(df.get(t) ?? 0, Math.max(chunks, 1));
    total += w;
    if (passageTerms.has(t) || given.matched?.(t)) matched += w;
  }
  return total === 0 ? 0 : matched / total;
}
