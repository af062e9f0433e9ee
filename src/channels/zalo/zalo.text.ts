/** Zalo's limit for one text message, in characters. */
export const ZALO_TEXT_LIMIT = 2000;

function hardSplit(piece: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of piece.split(/(\s+)/)) {
    if (current.length + word.length <= limit) {
      current += word;
      continue;
    }
    if (current.trim()) out.push(current.trim());
    // A single "word" longer than the limit (a URL, say) is cut where it must be.
    let rest = word;
    while (rest.length > limit) {
      out.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    current = rest;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Splits text into parts of at most `limit` characters, at paragraph and sentence boundaries where possible. */
export function splitMessage(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed ? [trimmed] : [];
  // Sentences end with . ! ? … (optionally followed by a closing quote or bracket), or at a line break.
  const sentences = trimmed.match(/[^\n.!?…]*(?:[.!?…]+["”’)\]]*|\n+|$)/gu)?.filter((s) => s.length > 0) ?? [
    trimmed,
  ];
  const parts: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if ((current + sentence).trim().length <= limit) {
      current += sentence;
      continue;
    }
    if (current.trim()) parts.push(current.trim());
    current = '';
    if (sentence.trim().length > limit) parts.push(...hardSplit(sentence, limit));
    else current = sentence;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Renders suggested replies as a numbered list the citizen answers with a digit (v3 buttons are unconfirmed). */
export function numberedChoices(text: string, choices: readonly string[]): string {
  if (choices.length === 0) return text;
  return `${text}\n\n${choices.map((c, i) => `${i + 1}. ${c}`).join('\n')}`;
}
