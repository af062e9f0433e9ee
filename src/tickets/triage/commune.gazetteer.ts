import {
  nameKey,
  typeWordBefore,
  type CommuneKind,
  type CommuneName,
  type CommuneNameIndex,
} from '../../reference/admin-units/commune-names';
import { foldDiacritics, hasDiacritics } from '../../text/normalize';

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

/** Finds commune names (new or former, with or without accents and "xã/phường") in citizen messages. */
export class CommuneGazetteer {
  constructor(
    private readonly index: CommuneNameIndex,
    private readonly provinceCode: string,
  ) {}

  /** Detects the commune a message refers to; ambiguity is resolved toward the configured province. */
  detect(text: string): CommuneDetection {
    const scored = new Map<string, { match: CommuneMatch; score: number }>();
    for (const m of this.index.mentions(text, MAX_NAME_SYLLABLES)) {
      for (const e of m.names) {
        const score = this.score(e, m.span, m.before, m.length);
        if (score <= 0) continue;
        const match = toMatch(e);
        const prev = scored.get(match.code);
        if (!prev || prev.score < score) scored.set(match.code, { match, score });
      }
    }
    const ranked = [...scored.values()].sort((a, b) => b.score - a.score);
    const best = ranked[0];
    if (!best) return { match: null, candidates: [] };
    const tied = ranked.filter((r) => r.score === best.score).map((r) => r.match);
    return { match: tied.length === 1 ? best.match : null, candidates: tied };
  }

  /**
   * The communes of the province whose names (in force or former) are closest to a place that matched none, by
   * edit distance on the folded short name; each is given as the unit in force, best first.
   */
  closest(text: string, limit: number): CommuneMatch[] {
    const query = nameKey(text)
      .replace(/^(thi tran|dac khu|phuong|xa|p|tt) /, '')
      .trim();
    if (query.length < 3) return [];
    const ranked: Array<{ match: CommuneMatch; distance: number }> = [];
    for (const [key, names] of this.index.keys()) {
      const distance = editDistance(query, key);
      if (distance > Math.max(2, Math.floor(query.length / 3))) continue;
      for (const e of names)
        if (e.unit.provinceCode === this.provinceCode) ranked.push({ match: toMatch(e), distance });
    }
    ranked.sort(
      (a, b) => a.distance - b.distance || Number(!!a.match.viaFormerName) - Number(!!b.match.viaFormerName),
    );
    const seen = new Set<string>();
    return ranked
      .filter((r) => !seen.has(r.match.code) && seen.add(r.match.code))
      .slice(0, limit)
      .map((r) => r.match);
  }

  private score(e: CommuneName, span: string, before: readonly string[], len: number): number {
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
      if (!inProvince || len < 2 || this.index.isProvinceName(foldDiacritics(span))) return 0;
      if (!endsWithAny(before, PLACE_BEFORE) && !accentExact) return 0;
      score = 2;
    }
    return score + (inProvince ? 3 : 0) + (e.former ? 0 : 1) + (accentExact ? 0.5 : 0) + len * 0.01;
  }
}

function typePrefixBefore(before: readonly string[]): CommuneKind | null {
  const typed = typeWordBefore(before);
  // "thị xã" is a former district-level town, not a commune.
  if (typed === 'xa' && before[before.length - 2] === 'thi') return null;
  if (typed) return typed;
  // Address shorthand: "P. Đông Vệ", "TT Hậu Lộc".
  const last = before[before.length - 1];
  if (last === 'p') return 'phuong';
  return last === 'tt' ? 'thi tran' : null;
}

function endsWithAny(before: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((p) => {
    const words = p.split(' ');
    return before.slice(-words.length).join(' ') === p;
  });
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function toMatch(e: CommuneName): CommuneMatch {
  return {
    code: e.unit.code,
    name: e.unit.name,
    provinceCode: e.unit.provinceCode,
    viaFormerName: e.former?.oldName ?? null,
  };
}
