import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { foldDiacritics, normalizeForMatch, normalizeText } from '../../text/normalize';

/** A province name as matched in text: its display name and its folded, lower-case form. */
export interface ProvinceName {
  name: string;
  folded: string;
}

// Names that are also ordinary words ("hòa bình" is peace, "long an", "thái bình"): counted only after "tỉnh"
// or when written with capitals.
const AMBIGUOUS = new Set(['hoa binh', 'thai binh', 'long an', 'binh dinh', 'an giang', 'ha nam', 'quang binh']);

function dataDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'src', 'knowledge', 'data', 'vn-admin-2025');
}

const shortName = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '').trim();

let cached: ProvinceName[] | undefined;

/** The 63 former and 34 current provinces (short names: "Thanh Hóa", "Hà Nội"), longest first. */
export function provinceNames(): ProvinceName[] {
  if (cached) return cached;
  const names = new Set<string>();
  const read = (file: string, field: 'name' | 'old_name') => {
    for (const line of readFileSync(path.join(dataDir(), file), 'utf8').split('\n')) {
      if (!line.includes('"level": "province"')) continue;
      const row = JSON.parse(line) as Record<string, string>;
      names.add(normalizeText(shortName(row[field] as string)));
    }
  };
  read('units.jsonl', 'name');
  read('old-to-new.jsonl', 'old_name');
  cached = [...names]
    .map((name) => ({ name, folded: foldDiacritics(normalizeForMatch(name)) }))
    .sort((a, b) => b.folded.length - a.folded.length);
  return cached;
}

/** True when a match of this province needs "tỉnh" before it or capitals to count. */
export function isAmbiguousProvince(folded: string): boolean {
  return AMBIGUOUS.has(folded);
}
