import { foldDiacritics, hasDiacritics, syllables } from '../../text/normalize';

/** A message prepared once for phrase matching: accented and folded syllables, padded with spaces. */
export interface PreparedText {
  accented: string;
  folded: string;
  tokens: string[];
  foldedTokens: string[];
  hasAccents: boolean;
}

/** Prepares a message for matching (normalised, lower-case, abbreviations expanded). */
export function prepareText(text: string): PreparedText {
  const tokens = syllables(text);
  const foldedTokens = tokens.map((t) => foldDiacritics(t));
  return {
    accented: ` ${tokens.join(' ')} `,
    folded: ` ${foldedTokens.join(' ')} `,
    tokens,
    foldedTokens,
    // Most syllables of Vietnamese typed with accents carry one; a few accented words (a commune name pasted in)
    // in otherwise unaccented text still make it an unaccented message.
    hasAccents: tokens.length > 0 && tokens.filter((t) => hasDiacritics(t)).length / tokens.length >= 0.3,
  };
}

/** A phrase with its weight, in both matching forms. */
interface Phrase {
  accented: string;
  folded: string;
  weight: number;
  source: string;
}

/** Phrase → weight tables per label (category or kind), matched with and without accents. */
export class PhraseWeights {
  private readonly phrases = new Map<string, Phrase[]>();

  constructor(table: Record<string, Record<string, number> | string>) {
    for (const [label, entries] of Object.entries(table)) {
      if (label.startsWith('$') || typeof entries === 'string') continue;
      this.phrases.set(
        label,
        Object.entries(entries).map(([source, weight]) => {
          const tokens = syllables(source);
          return {
            source,
            weight,
            accented: ` ${tokens.join(' ')} `,
            folded: ` ${tokens.map((t) => foldDiacritics(t)).join(' ')} `,
          };
        }),
      );
    }
  }

  /** Labels the table knows. */
  labels(): string[] {
    return [...this.phrases.keys()];
  }

  /**
   * Sum of the weights of the phrases found in the text, per label, and which phrases fired. In a message typed
   * with accents only the accented form counts ("Mường" is not "mương"); in one typed without, the folded form.
   */
  score(text: PreparedText): Map<string, { score: number; hits: string[] }> {
    const out = new Map<string, { score: number; hits: string[] }>();
    for (const [label, phrases] of this.phrases) {
      let score = 0;
      const hits: string[] = [];
      for (const p of phrases) {
        const found = text.hasAccents ? text.accented.includes(p.accented) : text.folded.includes(p.folded);
        if (!found) continue;
        score += p.weight;
        hits.push(p.source);
      }
      out.set(label, { score, hits });
    }
    return out;
  }
}
