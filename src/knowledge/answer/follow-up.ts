import { foldDiacritics, hasDiacritics, normalizeText, syllables } from '../../text/normalize';
import { extractEntities, type Entities } from '../entities/entities';
import { toRoman } from '../entities/agreement';
import { namesEntity } from './decide';

/** What a conversation is about: the last answered question (completed) and the person its answer named. */
export interface Subject {
  question: string;
  person: string | null;
  /** Messages since the subject was set; it is forgotten after MAX_SUBJECT_AGE. */
  age: number;
}

/** Messages after which an unused subject is forgotten. */
export const MAX_SUBJECT_AGE = 3;

/** The subject one message later: null once it is older than MAX_SUBJECT_AGE (or malformed, from old state). */
export function agedSubject(subject: Subject | null | undefined): Subject | null {
  if (!subject || typeof subject.question !== 'string' || typeof subject.age !== 'number') return null;
  const age = subject.age + 1;
  return age > MAX_SUBJECT_AGE ? null : { ...subject, age };
}

const L = '\\p{L}';
const word = (alternatives: string) => new RegExp(`(?<!${L})(?:${alternatives})(?!${L})`, 'iu');
const STILL = new RegExp(
  `^(?:(?:thế|vậy|the|vay)\\s+)?(?:còn|con)\\s+(.+?)(?:\\s+(?:thì|thi)\\s+(?:sao|thế nào|the nao|ra sao))?\\s*[?.!]*$`,
  'iu',
);
const PERSON = word('(?:ông|bà|đồng chí|người|ong|ba|dong chi|nguoi)\\s+(?:ấy|đó|này|ta|ay|do|nay)');
const POINTING = word('đó|này|ấy|trên|nói trên');
// Typed without accents, "do", "nay", "ay" may stand for "đó", "này", "ấy"; with accents "do" is "by" ("do cơ quan
// nào chủ trì") and "nay" is "now" ("năm nay"), so only accent-less text is read that way.
const POINTING_FOLDED = word('do|nay|ay');
const PASSIVE = /^(?:nó\s+|no\s+)?(?:được|duoc|có được|co duoc)\s/iu;
const QUESTION_WORDS = ['bao nhiêu', 'khi nào', 'bao giờ', 'ngày nào', 'năm nào', 'mấy', 'gì', 'nào', 'ai', 'đâu', 'thế nào', 'ra sao'];
const GLUE = new Set(['den', 'nam', 'nhiem', 'ky', 'tinh', 'dai', 'hoi', 'lan', 'thu', 'khoa', 'cua', 've', 'o', 'tai', 'thanh', 'pho', 'xa', 'phuong']);

function contentWords(text: string, e: Entities): string[] {
  const named = new Set(e.provinces.flatMap((p) => syllables(foldDiacritics(p))));
  return syllables(foldDiacritics(text)).filter((w) => !GLUE.has(w) && !named.has(w) && !/^\d+$/.test(w) && !/^[ivxl]+$/.test(w));
}

function replaceAll(text: string, from: string, to: string): string {
  const pattern = foldDiacritics(from).split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const folded = foldDiacritics(text);
  const re = new RegExp(`(?<!${L})${pattern}(?!${L})`, 'giu');
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(re)) {
    out += text.slice(last, m.index) + to;
    last = (m.index ?? 0) + m[0].length;
  }
  return out + text.slice(last);
}

// "còn Thanh Hóa thì sao?" after a question about Thái Nguyên asks the same of Thanh Hóa; "còn đến năm 2045?"
// the same for another year. Returns null when the previous question has nothing of that kind to replace.
function substitute(prev: string, said: Entities): string | null {
  const before = extractEntities(prev);
  let out = prev;
  const swap = (olds: readonly string[], news: readonly string[]) => {
    if (olds.length > 0 && news.length > 0) for (const o of olds) out = replaceAll(out, o, news[0] as string);
  };
  swap(before.provinces, said.provinces);
  swap(before.terms, said.terms);
  swap(before.years.map(String), said.years.map(String));
  return out === prev ? null : out;
}

const KIND_NAMES: Record<string, string> = { nq: 'Nghị quyết', kl: 'Kết luận', ct: 'Chỉ thị', qd: 'Quyết định', ctr: 'Chương trình', kh: 'Kế hoạch' };

// The entities of the last question as words to search with; those the follow-up names itself take their place.
function entityPhrase(before: Entities, said: Entities): string {
  const pick = <T>(a: T[], b: T[]) => (b.length > 0 ? b : a);
  const parts = [
    ...pick(before.provinces, said.provinces),
    ...pick(before.congresses, said.congresses).map((c) => `Đại hội ${toRoman(c.n)}`),
    ...pick(before.terms, said.terms).map((t) => `nhiệm kỳ ${t}`),
    ...pick(before.years, said.years).map((y) => `năm ${y}`),
    ...pick(before.docNumbers, said.docNumbers)
      .map((n) => /^([a-z]+):(\d+)$/.exec(n))
      .flatMap((m) => (m && KIND_NAMES[m[1] as string] ? [`${KIND_NAMES[m[1] as string]} ${m[2]}`] : [])),
  ];
  return parts.join(' ');
}

function withoutQuestionWords(text: string): string {
  let out = normalizeText(text).replace(/[?!.]+$/u, '');
  for (const q of QUESTION_WORDS) out = out.replace(word(q), ' ');
  return out.replace(/\s+/g, ' ').trim();
}

function questionWordOf(text: string): string {
  return QUESTION_WORDS.find((q) => word(q).test(text) || word(foldDiacritics(q)).test(text)) ?? '';
}

/**
 * Completes an elliptical follow-up from the conversation's subject: "còn … thì sao?" repeats the last question
 * for another entity or topic, "ông ấy" is the person last named, "đó", "này" and "được …?" point back to the last
 * question. Returns null when the message stands on its own (a new subject), so it is asked as typed.
 */
export function completeQuestion(text: string, subject: Subject | null): string | null {
  if (!subject || subject.age > MAX_SUBJECT_AGE) return null;
  const said = normalizeText(text);
  const own = extractEntities(said);
  const still = STILL.exec(said);
  if (still) {
    const rest = still[1] as string;
    const restEntities = extractEntities(rest);
    if (contentWords(rest, restEntities).length === 0) return substitute(subject.question, restEntities) ?? `${subject.question} ${rest}`;
    // A new topic about the same entities: "còn tỷ lệ hộ nghèo thì sao?" after a question about Thái Nguyên. Typed
    // without accents, the added words are folded too: one accented name would make the whole question read as
    // accented, and its accent-less words would then match nothing.
    const added = `${entityPhrase(extractEntities(subject.question), restEntities)} ${questionWordOf(subject.question)}`;
    return `${rest} ${hasDiacritics(rest) ? added : foldDiacritics(added)}`.replace(/\s+/g, ' ').trim();
  }
  if (subject.person && PERSON.test(said)) return said.replace(PERSON, subject.person);
  const points = POINTING.test(said) || (!hasDiacritics(said) && POINTING_FOLDED.test(said));
  const pointing = points || PASSIVE.test(said) || contentWords(said, own).length <= 2;
  if (!pointing || namesEntity(own)) return null;
  return `${said} ${withoutQuestionWords(subject.question)}`;
}

/** The person an answer names (a full name of three or more capitalised syllables), for "ông ấy" later. */
export function personIn(text: string): string | null {
  const m = /(?:\p{Lu}\p{Ll}*\s+){2,}\p{Lu}\p{Ll}*/u.exec(text.slice(1));
  if (!m) return null;
  const name = m[0].replace(/^(Ông|Bà|Đồng chí|Chia sẻ)\s+/u, '').trim();
  return name.split(/\s+/).length >= 2 ? name : null;
}
