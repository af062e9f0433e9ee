import { foldDiacritics, normalizeText } from '../text/normalize';

/** An agency as the command line names it. */
export interface NamedAgency {
  id: string;
  name: string;
}

/** What a typed agency resolves to: one agency, none, or several that the words fit. */
export type AgencyMatch =
  | { kind: 'found'; agency: NamedAgency }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: NamedAgency[] };

const fold = (s: string) => foldDiacritics(normalizeText(s).toLowerCase()).replace(/\s+/g, ' ').trim();

/**
 * Finds an agency by its id, or by its name typed with or without accents ("so y te", "UBND Phường Hạc Thành"):
 * an exact name wins; otherwise the name must contain the typed words, and exactly one agency may fit.
 */
export function resolveAgency(typed: string, agencies: readonly NamedAgency[]): AgencyMatch {
  const byId = agencies.find((a) => a.id === typed.trim());
  if (byId) return { kind: 'found', agency: byId };
  const want = fold(typed);
  if (!want) return { kind: 'none' };
  const exact = agencies.filter((a) => fold(a.name) === want);
  if (exact.length === 1) return { kind: 'found', agency: exact[0]! };
  const partial = agencies.filter((a) => fold(a.name).includes(want));
  if (partial.length === 1) return { kind: 'found', agency: partial[0]! };
  return partial.length ? { kind: 'ambiguous', candidates: partial } : { kind: 'none' };
}
