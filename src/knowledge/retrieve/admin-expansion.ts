import type { FormerCommune } from '../../reference/admin-units/admin-units';
import { typeWordBefore, type CommuneName, type CommuneNameIndex } from '../../reference/admin-units/commune-names';
import { foldDiacritics, hasDiacritics, normalizeForMatch, syllables } from '../../text/normalize';
import { queryTerms, type QueryTerm } from './terms';

const MAX_NAME_SYLLABLES = 5;
const MAX_CANDIDATES = 8;
const fold = (s: string) => foldDiacritics(normalizeForMatch(s));
const shortProvince = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');

type FormerName = CommuneName & { former: FormerCommune };
const isFormer = (n: CommuneName): n is FormerName => n.former !== null;

// Former communes written with their type word ("xã Thiệu Toán"): the longest name after each type word.
function formerCommunes(index: CommuneNameIndex, question: string): FormerName[][] {
  const longest = new Map<number, FormerName[]>();
  for (const m of index.mentions(question, MAX_NAME_SYLLABLES)) {
    const kind = typeWordBefore(m.before);
    const former = m.names.filter(isFormer).filter((n) => n.kind === kind);
    if (former.length > 0 && !longest.has(m.start)) longest.set(m.start, former);
  }
  return [...longest.values()];
}

// Narrows a name to the former province the question gives, and to the exact accents when it has any.
function pickCandidates(question: string, names: FormerName[], folded: string): FormerName[] {
  let list = names;
  const named = list.filter((c) => ` ${folded} `.includes(` ${fold(shortProvince(c.former.oldProvinceName))} `));
  if (named.length > 0) list = named;
  if (hasDiacritics(question)) {
    const q = normalizeForMatch(question);
    const exact = list.filter((c) => q.includes(normalizeForMatch(c.former.oldName)));
    if (exact.length > 0) list = exact;
  }
  return list;
}

function expansionText(index: CommuneNameIndex, c: FormerName): string {
  const newUnits = c.former.newCodes.map((code) => index.unit(code)?.name ?? '');
  const province = index.unit(c.unit.provinceCode)?.shortName ?? '';
  return `${c.former.oldName} ${newUnits.join(' ')} ${province}`;
}

/**
 * Query expansion for questions naming a former commune ("xã X huyện Y tỉnh Z sáp nhập vào đâu"): adds the
 * new unit(s) it became part of and the new province, weighted down when the name is ambiguous.
 */
export function expandWithAdminUnits(index: CommuneNameIndex, question: string): QueryTerm[] {
  const folded = syllables(question)
    .map((t) => foldDiacritics(t))
    .join(' ');
  const out: QueryTerm[] = [];
  for (const names of formerCommunes(index, question)) {
    const candidates = pickCandidates(question, names, folded);
    if (candidates.length === 0 || candidates.length > MAX_CANDIDATES) continue;
    const share = 1 / candidates.length;
    for (const c of candidates) {
      for (const t of queryTerms(expansionText(index, c))) out.push({ term: t.term, weight: t.weight * share });
    }
  }
  return out;
}
