import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readJsonl, type FormerLine, type UnitLine } from './admin-units';

const USAGE = `Usage: npm run refdata:admin-units -- --from SOURCE_DIR [--out DIR]
SOURCE_DIR holds the full vn-admin-2025 release (units.jsonl, old-to-new.jsonl); DIR defaults to
src/reference/admin-units/vn-admin-2025.`;

// The mapping names two communes by codes of a draft list; the final QĐ 19/2025 codes are these (SOURCE.md).
const FINAL_CODE: Readonly<Record<string, string>> = { '06970': '06978', '23737': '23938' };

type SourceUnit = UnitLine & { province_name: string; name_en: string };
type SourceFormer = Omit<FormerLine, 'new' | 'old_province_name'> & {
  level: string;
  old_province_name?: string;
  new: Array<{ code: string; name: string }>;
};

/** Trims the full release to the fields the product reads, communes' targets as final codes. */
export function deriveAdminUnits(
  units: readonly SourceUnit[],
  mapping: readonly SourceFormer[],
): { units: UnitLine[]; former: FormerLine[] } {
  const known = new Set(units.map((u) => u.code));
  return {
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type,
      province_code: u.province_code,
      level: u.level,
      short_name: u.short_name,
    })),
    former: mapping
      .filter((m) => m.level === 'commune')
      .map((m) => ({
        old_code: m.old_code,
        old_name: m.old_name,
        old_province_code: m.old_province_code,
        old_province_name: m.old_province_name ?? '',
        new: m.new.map((n) => FINAL_CODE[n.code] ?? n.code).filter((c) => known.has(c)),
      })),
  };
}

const jsonl = (rows: readonly object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

function run(): void {
  const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' } } });
  if (!values.from) {
    console.error(USAGE);
    process.exit(2);
  }
  const out = values.out ?? path.join('src', 'reference', 'admin-units', 'vn-admin-2025');
  const derived = deriveAdminUnits(
    readJsonl<SourceUnit>(path.join(values.from, 'units.jsonl')),
    readJsonl<SourceFormer>(path.join(values.from, 'old-to-new.jsonl')),
  );
  writeFileSync(path.join(out, 'units.jsonl'), jsonl(derived.units));
  writeFileSync(path.join(out, 'old-to-new.jsonl'), jsonl(derived.former));
  console.log(`${derived.units.length} units, ${derived.former.length} former communes → ${out}`);
}

if (require.main === module) run();
