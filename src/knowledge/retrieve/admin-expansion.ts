import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { foldDiacritics, hasDiacritics, normalizeForMatch, syllables } from '../../text/normalize';
import { queryTerms, type QueryTerm } from './terms';

interface OldCommune {
  name: string; // "Phường Thành Công"
  oldProvince: string; // folded short name, "ha noi"
  newUnits: string[]; // "Phường Giảng Võ"
  newProvince: string | null; // "Hà Nội"
}

/** The old→new administrative-units index the expander searches. */
export interface AdminIndex {
  communes: Map<string, OldCommune[]>; // folded full name → candidates
}

const UNIT_TYPES = ['xa', 'phuong', 'thi tran', 'dac khu'];
const fold = (s: string) => foldDiacritics(normalizeForMatch(s));
const shortProvince = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');

function dataDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'src', 'knowledge', 'data', 'vn-admin-2025');
}

async function readJsonl<T>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

type UnitRow = { code: string; level: string; province_name: string; name: string };
type MapRow = { level: string; old_name: string; old_province_name?: string; new: Array<{ code: string; name: string }> };

/** Loads the bundled vn-admin-2025 data (the 2025 mapping of former communes to new ones). */
export async function loadAdminIndex(dir = dataDir()): Promise<AdminIndex> {
  const units = await readJsonl<UnitRow>(path.join(dir, 'units.jsonl'));
  const provinceOf = new Map(units.map((u) => [u.code, shortProvince(u.province_name)]));
  const rows = await readJsonl<MapRow>(path.join(dir, 'old-to-new.jsonl'));
  const communes = new Map<string, OldCommune[]>();
  for (const r of rows) {
    if (r.level === 'province') continue;
    const entry: OldCommune = {
      name: r.old_name,
      oldProvince: fold(shortProvince(r.old_province_name ?? '')),
      newUnits: r.new.map((n) => n.name),
      newProvince: r.new[0] ? (provinceOf.get(r.new[0].code) ?? null) : null,
    };
    const key = fold(r.old_name);
    communes.set(key, [...(communes.get(key) ?? []), entry]);
  }
  return { communes };
}

// The longest "<type> <name>" starting at each unit-type word that names a former commune.
function findCommunes(tokens: readonly string[], index: AdminIndex): string[] {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const type = UNIT_TYPES.find((t) => tokens.slice(i, i + t.split(' ').length).join(' ') === t);
    if (!type) continue;
    const start = i + type.split(' ').length;
    for (let len = 5; len >= 1; len--) {
      const key = `${type} ${tokens.slice(start, start + len).join(' ')}`;
      if (start + len <= tokens.length && index.communes.has(key)) {
        found.push(key);
        break;
      }
    }
  }
  return found;
}

function pickCandidates(question: string, key: string, index: AdminIndex, folded: string): OldCommune[] {
  let list = index.communes.get(key) ?? [];
  const named = list.filter((c) => ` ${folded} `.includes(` ${c.oldProvince} `));
  if (named.length > 0) list = named;
  if (hasDiacritics(question)) {
    const q = normalizeForMatch(question);
    const exact = list.filter((c) => q.includes(normalizeForMatch(c.name)));
    if (exact.length > 0) list = exact;
  }
  return list;
}

/**
 * Query expansion for questions naming a former commune ("xã X huyện Y tỉnh Z sáp nhập vào đâu"): adds the
 * new unit(s) it became part of and the new province, weighted down when the name is ambiguous.
 */
export function expandWithAdminUnits(index: AdminIndex, question: string): QueryTerm[] {
  const folded = syllables(question).map((t) => foldDiacritics(t));
  const keys = findCommunes(folded, index);
  const out: QueryTerm[] = [];
  for (const key of keys) {
    const candidates = pickCandidates(question, key, index, folded.join(' '));
    if (candidates.length === 0 || candidates.length > 8) continue;
    const share = 1 / candidates.length;
    for (const c of candidates) {
      const text = `${c.name} ${c.newUnits.join(' ')} ${c.newProvince ?? ''}`;
      for (const t of queryTerms(text)) out.push({ term: t.term, weight: t.weight * share });
    }
  }
  return out;
}
