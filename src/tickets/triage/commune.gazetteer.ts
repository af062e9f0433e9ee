import { foldDiacritics, hasDiacritics, syllables } from '../../text/normalize';
import type { AdminUnit, FormerCommune } from '../admin-units.loader';

/** A commune a message names, after mapping old names to the unit in force. */
export interface CommuneMatch {
  code: string;
  name: string;
  provinceCode: string;
  /** The name as the citizen wrote it matched a former commune (merged in 2025). */
  viaFormerName: string | null;
}

/** The result of commune detection: one commune, or several equally likely ones to ask the citizen about. */
export interface CommuneDetection {
  match: CommuneMatch | null;
  candidates: CommuneMatch[];
}

interface Entry {
  accented: string;
  kind: 'xa' | 'phuong' | 'thi tran' | 'dac khu';
  unit: AdminUnit;
  formerName: string | null;
}

const TYPE_PREFIXES: Array<[string, Entry['kind']]> = [
  ['thi tran', 'thi tran'],
  ['dac khu', 'dac khu'],
  ['phuong', 'phuong'],
  ['xa', 'xa'],
];
// Words before a name that make it a district, province, street or village rather than a commune.
const NOT_COMMUNE_BEFORE = [
  'huyen',
  'tinh',
  'thanh pho',
  'thi xa',
  'quan',
  'duong',
  'pho',
  'thon',
  'ban',
  'xom',
  'lang',
  'cau',
  'cho',
  'song',
  'nui',
  'ho',
  'truong',
  'benh vien',
  'khu pho',
  'to dan pho',
];
// Words before an unprefixed name that make it a place reference ("mất nước ở Như Thanh").
const PLACE_BEFORE = ['o', 'tai', 'thuoc', 'dia ban', 'khu vuc', 'gan'];
const MAX_NAME_SYLLABLES = 4;

const stripType = (name: string): { kind: Entry['kind']; short: string } | null => {
  const folded = foldDiacritics(name).toLowerCase();
  for (const [prefix, kind] of TYPE_PREFIXES) {
    if (folded.startsWith(`${prefix} `))
      return { kind, short: name.split(' ').slice(prefix.split(' ').length).join(' ') };
  }
  return null;
};

/** Finds commune names (new or former, with or without accents and "xã/phường") in citizen messages. */
export class CommuneGazetteer {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly provinceKeys = new Set<string>();

  constructor(
    units: readonly AdminUnit[],
    former: readonly FormerCommune[],
    private readonly provinceCode: string,
  ) {
    const byCode = new Map(units.map((u) => [u.code, u]));
    for (const u of units) {
      if (u.level === 'province') this.provinceKeys.add(key(u.shortName));
      else this.add(u.name, u, null);
    }
    for (const f of former) {
      const target = f.newCodes.map((c) => byCode.get(c)).find((u) => u !== undefined);
      if (target) this.add(f.oldName, target, f.oldName);
    }
  }

  private add(fullName: string, unit: AdminUnit, formerName: string | null): void {
    const parsed = stripType(fullName);
    if (!parsed) return;
    const k = key(parsed.short);
    const list = this.byKey.get(k) ?? [];
    list.push({ accented: syllables(parsed.short).join(' '), kind: parsed.kind, unit, formerName });
    this.byKey.set(k, list);
  }

  /** Detects the commune a message refers to; ambiguity is resolved toward the configured province. */
  detect(text: string): CommuneDetection {
    const accented = syllables(text);
    const folded = accented.map((t) => foldDiacritics(t));
    const scored = new Map<string, { match: CommuneMatch; score: number }>();
    for (let i = 0; i < folded.length; i++) {
      for (let len = Math.min(MAX_NAME_SYLLABLES, folded.length - i); len >= 1; len--) {
        const k = folded.slice(i, i + len).join(' ');
        const entries = this.byKey.get(k);
        if (!entries) continue;
        const span = accented.slice(i, i + len).join(' ');
        for (const e of entries) {
          const score = this.score(e, span, folded.slice(0, i), len);
          if (score <= 0) continue;
          const match = toMatch(e);
          const prev = scored.get(match.code);
          if (!prev || prev.score < score) scored.set(match.code, { match, score });
        }
      }
    }
    const ranked = [...scored.values()].sort((a, b) => b.score - a.score);
    const best = ranked[0];
    if (!best) return { match: null, candidates: [] };
    const tied = ranked.filter((r) => r.score === best.score).map((r) => r.match);
    return { match: tied.length === 1 ? best.match : null, candidates: tied };
  }

  private score(e: Entry, span: string, before: string[], len: number): number {
    const prefix = typePrefixBefore(before);
    if (!prefix && endsWithAny(before, NOT_COMMUNE_BEFORE)) return 0;
    const inProvince = e.unit.provinceCode === this.provinceCode;
    const spanHasAccents = hasDiacritics(span);
    const accentExact = spanHasAccents && span === e.accented;
    // A name typed with accents that differ is another name (Thiệu Hóa is not Thiều Hoa).
    if (spanHasAccents && !accentExact) return 0;
    let score: number;
    if (prefix) score = 4 + (prefix === e.kind ? 1.5 : 0);
    else {
      if (!inProvince || len < 2 || this.provinceKeys.has(foldDiacritics(span))) return 0;
      if (!endsWithAny(before, PLACE_BEFORE) && !accentExact) return 0;
      score = 2;
    }
    return score + (inProvince ? 3 : 0) + (e.formerName ? 0 : 1) + (accentExact ? 0.5 : 0) + len * 0.01;
  }
}

function key(name: string): string {
  return syllables(name)
    .map((t) => foldDiacritics(t))
    .join(' ');
}

function typePrefixBefore(before: string[]): Entry['kind'] | null {
  const last2 = before.slice(-2).join(' ');
  if (last2 === 'thi tran' || last2 === 'dac khu') return last2;
  const last = before[before.length - 1];
  // Address shorthand: "P. Đông Vệ", "TT Hậu Lộc".
  if (last === 'phuong' || last === 'p') return 'phuong';
  if (last === 'tt') return 'thi tran';
  // "thị xã" is a former district-level town, not a commune.
  if (last === 'xa' && before[before.length - 2] !== 'thi') return 'xa';
  return null;
}

function endsWithAny(before: string[], phrases: readonly string[]): boolean {
  return phrases.some((p) => {
    const words = p.split(' ');
    return before.slice(-words.length).join(' ') === p;
  });
}

function toMatch(e: Entry): CommuneMatch {
  return {
    code: e.unit.code,
    name: e.unit.name,
    provinceCode: e.unit.provinceCode,
    viaFormerName: e.formerName,
  };
}
