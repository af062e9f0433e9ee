import { loadAdminUnits } from '../../reference/admin-units/admin-units';
import { foldDiacritics, normalizeForMatch, normalizeText } from '../../text/normalize';

/** A province name as matched in text: its display name and its folded, lower-case form. */
export interface ProvinceName {
  name: string;
  folded: string;
}

// Names that are also ordinary words ("hòa bình" is peace, "long an", "thái bình"): counted only after "tỉnh"
// or when written with capitals.
const AMBIGUOUS = new Set(['hoa binh', 'thai binh', 'long an', 'binh dinh', 'an giang', 'ha nam', 'quang binh']);

const shortName = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '').trim();

let cached: ProvinceName[] | undefined;

/** The 34 current and the former provinces (short names: "Thanh Hóa", "Hậu Giang"), longest first. */
export function provinceNames(): ProvinceName[] {
  if (cached) return cached;
  const { units, former } = loadAdminUnits();
  const names = new Set<string>([
    ...units.filter((u) => u.level === 'province').map((u) => normalizeText(shortName(u.shortName || u.name))),
    ...former.map((f) => normalizeText(shortName(f.oldProvinceName))),
  ]);
  cached = [...names]
    .filter((name) => name.length > 0)
    .map((name) => ({ name, folded: foldDiacritics(normalizeForMatch(name)) }))
    .sort((a, b) => b.folded.length - a.folded.length);
  return cached;
}

/** True when a match of this province needs "tỉnh" before it or capitals to count. */
export function isAmbiguousProvince(folded: string): boolean {
  return AMBIGUOUS.has(folded);
}
