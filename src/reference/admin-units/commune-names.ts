import { foldDiacritics, syllables } from '../../text/normalize';
import { loadAdminUnits, type AdminUnit, type AdminUnits, type FormerCommune } from './admin-units';

/** The kinds of commune-level unit, as their folded type words. */
export type CommuneKind = 'xa' | 'phuong' | 'thi tran' | 'dac khu';

/** A commune name the index knows: a unit in force, or a former commune with the unit it became. */
export interface CommuneName {
  /** The short name's syllables in matching form, accents kept: "thiệu toán". */
  accented: string;
  kind: CommuneKind;
  /** The unit in force; for a former commune, the first unit it became. */
  unit: AdminUnit;
  former: FormerCommune | null;
}

/** A run of syllables in a text that spells the short name of one or more communes. */
export interface CommuneMention {
  start: number;
  length: number;
  /** The syllables as typed (matching form, accents as the writer gave them). */
  span: string;
  /** Folded syllables before the mention, for the caller's context rules. */
  before: readonly string[];
  names: readonly CommuneName[];
}

const TYPE_WORDS: ReadonlyArray<CommuneKind> = ['thi tran', 'dac khu', 'phuong', 'xa'];

/** Folded syllables of a name joined by spaces: the key names are matched on ("Thiệu Toán" → "thieu toan"). */
export function nameKey(name: string): string {
  return syllables(name)
    .map((t) => foldDiacritics(t))
    .join(' ');
}

/** Splits "Xã Thiệu Toán" into its kind and short name; null for names that are not communes. */
export function splitCommuneName(name: string): { kind: CommuneKind; short: string } | null {
  const folded = foldDiacritics(name).toLowerCase();
  const kind = TYPE_WORDS.find((t) => folded.startsWith(`${t} `));
  return kind ? { kind, short: name.split(' ').slice(kind.split(' ').length).join(' ') } : null;
}

/** The unit-type words ("xã", "thị trấn") that end `before` (folded syllables), if any. */
export function typeWordBefore(before: readonly string[]): CommuneKind | null {
  const last2 = before.slice(-2).join(' ');
  if (last2 === 'thi tran' || last2 === 'dac khu') return last2;
  const last = before[before.length - 1];
  return last === 'xa' || last === 'phuong' ? last : null;
}

let bundled: CommuneNameIndex | undefined;

/** Every commune name, new and former, keyed without accents; finds the names a text spells. */
export class CommuneNameIndex {
  private readonly byKey = new Map<string, CommuneName[]>();
  private readonly provinceKeys = new Set<string>();
  private readonly byCode: ReadonlyMap<string, AdminUnit>;

  constructor(data: AdminUnits) {
    this.byCode = new Map(data.units.map((u) => [u.code, u]));
    for (const u of data.units) {
      if (u.level === 'province') this.provinceKeys.add(nameKey(u.shortName));
      else this.add(u.name, u, null);
    }
    for (const f of data.former) {
      const target = f.newCodes.map((c) => this.byCode.get(c)).find((u) => u !== undefined);
      if (target) this.add(f.oldName, target, f);
    }
  }

  /** The index over the bundled data, built once per process. */
  static bundled(): CommuneNameIndex {
    return (bundled ??= new CommuneNameIndex(loadAdminUnits()));
  }

  private add(fullName: string, unit: AdminUnit, former: FormerCommune | null): void {
    const parsed = splitCommuneName(fullName);
    if (!parsed) return;
    const k = nameKey(parsed.short);
    const list = this.byKey.get(k) ?? [];
    list.push({ accented: syllables(parsed.short).join(' '), kind: parsed.kind, unit, former });
    this.byKey.set(k, list);
  }

  /** The unit in force with this code. */
  unit(code: string): AdminUnit | undefined {
    return this.byCode.get(code);
  }

  /** Every folded short-name key with the names it stands for. */
  keys(): IterableIterator<[string, readonly CommuneName[]]> {
    return this.byKey.entries();
  }

  /** True when a folded key is a province's short name ("thanh hoa"). */
  isProvinceName(key: string): boolean {
    return this.provinceKeys.has(key);
  }

  /** Every run of up to `maxSyllables` syllables naming a commune, by start, longest first. */
  mentions(text: string, maxSyllables: number): CommuneMention[] {
    const accented = syllables(text);
    const folded = accented.map((t) => foldDiacritics(t));
    const out: CommuneMention[] = [];
    for (let start = 0; start < folded.length; start++) {
      for (let length = Math.min(maxSyllables, folded.length - start); length >= 1; length--) {
        const names = this.byKey.get(folded.slice(start, start + length).join(' '));
        if (!names) continue;
        const span = accented.slice(start, start + length).join(' ');
        out.push({ start, length, span, before: folded.slice(0, start), names });
      }
    }
    return out;
  }
}
