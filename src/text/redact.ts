/**
 * The one redaction function for everything the public or the logs see (Open311, /phan-anh, statistics, unanswered
 * questions). It works on a normalised copy, so disguises do not help: NFKC (full-width and styled digits become
 * ASCII), zero-width characters and bidi controls removed. It masks phone numbers (Vietnamese groupings, +84),
 * 9- and 12-digit ID numbers, bank account numbers, and e-mail addresses including their common obfuscations.
 */

// Zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/g;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

const AT = String.raw`\s*(?:@|\[\s*(?:at|@|a)\s*\]|\(\s*(?:at|@|a)\s*\)|\{\s*(?:at|@)\s*\}|\s(?:at|a còng|a cong|acong)\s)\s*`;
const DOT = String.raw`(?:\s*\.\s*|\s*\[\s*(?:\.|dot|chấm|cham)\s*\]\s*|\s*\(\s*(?:\.|dot|chấm|cham)\s*\)\s*|\s+(?:dot|chấm|cham)\s+)`;
const EMAIL = new RegExp(
  String.raw`[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}(?![\p{L}\p{N}])`,
  'giu',
);
// Digits in groups separated by one space, dot or dash, optionally led by +84 / (+84) / (84).
const DIGIT_RUN = /(?<![\p{L}\p{N}_])(?:\(\s?\+?\d{1,3}\s?\)\s?|\+\s?)?\d(?:[ .-]?\d)*(?!\p{N})/gu;
// Before an account number people write "STK", "số tài khoản", "TK", "account".
const ACCOUNT_CONTEXT =
  /(?:stk|s\.t\.k|số tài khoản|so tai khoan|tài khoản|tai khoan|tk|account|acc)\W{0,4}$/iu;
// 1.500.000.000 đồng: thousands groups (no leading zero) followed by a currency is an amount, not an account.
const AMOUNT = /^[1-9]\d{0,2}(?:[.,]\d{3})+$/;
const CURRENCY_AFTER = /^\s*(?:đồng|dong|đ|vnđ|vnd|₫|tỷ|triệu|nghìn|ngàn)(?![\p{L}])/iu;

/** The normalised copy redaction works on: NFKC, invisible and bidi characters removed. */
export function normaliseForRedaction(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(BIDI, '');
}

function digitMask(run: string, before: string, after: string): string {
  const digits = run.replace(/\D/g, '');
  const accountContext = ACCOUNT_CONTEXT.test(before);
  if (digits.length < 9 && !(accountContext && digits.length >= 6)) return run;
  if (AMOUNT.test(run.trim()) && CURRENCY_AFTER.test(after)) return run;
  if (accountContext) return '[account]';
  if (/^(?:\+|\(\s?\+?)?84/.test(run) && digits.length >= 11 && digits.length <= 12) return '[phone]';
  if (digits.length === 12 || digits.length === 9) return '[id]';
  if (digits.startsWith('0') && digits.length >= 10 && digits.length <= 11) return '[phone]';
  return '[account]';
}

/** Replaces personal data in free text with placeholders ([email], [phone], [id], [account]). */
export function redactPersonalData(text: string): string {
  const normal = normaliseForRedaction(text).replace(EMAIL, '[email]');
  return normal.replace(DIGIT_RUN, (run: string, offset: number, whole: string) =>
    digitMask(run, whole.slice(Math.max(0, offset - 24), offset), whole.slice(offset + run.length)),
  );
}
