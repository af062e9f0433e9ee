import { foldDiacritics, normalizeForMatch } from '../src/text/normalize';

/** The matching form of a citizen's words: normalised, lower-case, without diacritics, single-spaced. */
export function matchForm(text: string | undefined): string {
  return foldDiacritics(normalizeForMatch(text ?? ''))
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that say yes, in matching form ("đồng ý", "dong y", "có", "ok", "vâng", "ừ"). */
export const YES_WORDS: readonly string[] = [
  'co',
  'co a',
  'dong y',
  'toi dong y',
  'ok',
  'oke',
  'okay',
  'okie',
  'u',
  'uh',
  'um',
  'vang',
  'da',
  'da vang',
  'duoc',
  'yes',
  'chac chan',
  'dung',
  'dung roi',
  'xac nhan',
  'co dong y',
];

/** Words that say no, in matching form ("không", "ko", "khong can", "chưa"). */
export const NO_WORDS: readonly string[] = [
  'khong',
  'khong a',
  'khong can',
  'khong dong y',
  'khong muon',
  'toi khong dong y',
  'no',
  'chua',
  'chua can',
];

// Particles a polite reply ends with ("có ạ", "ok nhé", "đồng ý nha") that do not change its meaning.
const TRAILING = /( (a|nhe|nha|nhe ban|roi|luon|nhe a|a nhe))+$/;
// Words before the answer itself ("tôi chọn 2", "chọn môi trường", "số 3").
const LEADING = /^((toi|minh|em) )?(chon|lay|la|so|cau|muc|phuong an) /;

/** A choice as the recogniser sees it: its label and the extra words that also mean it. */
export interface RecognisableChoice {
  value: string;
  synonyms?: string[];
}

/**
 * The one recogniser behind every choice and confirm prompt: which choice a citizen's words mean, or -1. In order:
 * the label or a synonym (accent-less, NFD and abbreviations folded), a position number, the first words of one
 * label only, a label contained in the message, the message's words contained in one label only.
 */
export function recogniseChoice(text: string | undefined, choices: readonly RecognisableChoice[]): number {
  const said = stripped(matchForm(text));
  if (!said) return -1;
  const forms = choices.map((c) => matchForm(c.value));
  const exact = choices.findIndex(
    (c, i) => forms[i] === said || (c.synonyms ?? []).some((s) => stripped(matchForm(s)) === said),
  );
  if (exact >= 0) return exact;
  if (/^\d{1,2}$/.test(said)) {
    const n = Number(said);
    return n >= 1 && n <= choices.length ? n - 1 : -1;
  }
  const unique = (test: (form: string) => boolean): number => {
    const hits = forms.flatMap((f, i) => (test(f) ? [i] : []));
    return hits.length === 1 ? hits[0]! : -1;
  };
  const padded = (s: string) => ` ${s} `;
  const attempts = [
    // "moi truong" for "Môi trường, rác thải, ô nhiễm"
    () => unique((f) => f.startsWith(`${said} `)),
    // "tôi chọn giao thông, đường sá nhé" holds a whole label
    () => unique((f) => padded(said).includes(padded(f))),
    // "rac thai" for "Môi trường, rác thải, ô nhiễm" (two letters or more, whole words)
    () => (said.length >= 3 ? unique((f) => padded(f).includes(padded(said))) : -1),
    // "moi truong o nhiem lam" starts with the label's first two words
    () => {
      const head = said.split(' ').slice(0, 2).join(' ');
      return head.includes(' ') ? unique((f) => f.startsWith(`${head} `) || f === head) : -1;
    },
  ];
  for (const attempt of attempts) {
    const index = attempt();
    if (index >= 0) return index;
  }
  return -1;
}

function stripped(said: string): string {
  return said.replace(LEADING, '').replace(TRAILING, '').trim();
}
