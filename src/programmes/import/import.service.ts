import { createHash } from 'node:crypto';
import type { Database, Transaction } from '../../db/database';
import { AppError } from '../../http/errors';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { vnDay } from '../../reference/vn-time';
import {
  agencyDirectory,
  ensureGroup,
  insertImportedReport,
  itemOwners,
  lockImports,
  upsertItem,
  upsertProgramme,
} from './import.repository';
import { missingColumns, validateRows, type AgencyLookup, type ImportRow, type RowError } from './row';
import { readSheetRows } from './sheet.parse';
import { agencyKey } from './values';

/** What one import did; bad rows carry their line and reason, good rows were stored. */
export interface ImportResult {
  programmes: Array<{ id: string; title: string }>;
  /** Good rows stored. */
  items: number;
  added: number;
  updated: number;
  /** New progress reports (a report already imported is not counted again). */
  reports: number;
  errors: RowError[];
}

/** Options of an import: sample data is marked as such on every page; `now` fixes "today" for tests. */
export interface ImportOptions {
  sample?: boolean;
  now?: Date;
}

/** Matches by id first, then by accent-insensitive name. */
export function agencyLookup(agencies: ReadonlyArray<{ id: string; name: string }>): AgencyLookup {
  const byKey = new Map<string, string>();
  for (const a of agencies) byKey.set(agencyKey(a.name), a.id);
  for (const a of agencies) byKey.set(agencyKey(a.id), a.id);
  return (idOrName) => byKey.get(agencyKey(idOrName)) ?? null;
}

const dedupeKey = (row: ImportRow) =>
  `import:${row.code}:${createHash('sha256').update(JSON.stringify(row.report)).digest('hex').slice(0, 32)}`;

async function store(
  tx: Transaction,
  rows: ImportRow[],
  sample: boolean,
): Promise<Omit<ImportResult, 'items'>> {
  await lockImports(tx);
  const owners = await itemOwners(
    tx,
    rows.map((r) => r.code),
  );
  const programmes = new Map<string, string>();
  const result = { added: 0, updated: 0, reports: 0, errors: [] as RowError[] };
  for (const [position, row] of rows.entries()) {
    const id = row.programmeId;
    const owner = owners.get(row.code);
    if (owner && owner !== id) {
      result.errors.push({ line: row.line, code: row.code, reason: P.rowErrors.otherProgramme });
      continue;
    }
    if (!programmes.has(id)) {
      await upsertProgramme(tx, { id, title: row.programme, document: row.document, sample });
      programmes.set(id, row.programme);
    }
    const groupId = row.group ? await ensureGroup(tx, id, row.group) : null;
    const folded = agencyKey(row.title);
    const added = await upsertItem(tx, row, { programmeId: id, groupId, position, folded });
    if (added) result.added++;
    else result.updated++;
    if (
      row.report &&
      (await insertImportedReport(tx, row.code, row.leadAgencyId, row.report, dedupeKey(row)))
    )
      result.reports++;
  }
  return { ...result, programmes: [...programmes].map(([pid, title]) => ({ id: pid, title })) };
}

/**
 * Imports a CSV or XLSX file of programme items (one row per item, DESIGN.md columns): idempotent by item code,
 * in one transaction; rows that fail validation are reported and the others kept.
 */
export async function importProgrammeFile(
  db: Database,
  bytes: Buffer,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const sheet = await readSheetRows(bytes);
  const missing = missingColumns(sheet.columns);
  if (missing.length)
    throw new AppError('import_missing_columns', 400, P.errors.import_missing_columns(missing));
  const today = vnDay(options.now ?? new Date());
  const { rows, errors } = validateRows(sheet.rows, agencyLookup(await agencyDirectory(db)), today);
  const stored = await db.transaction((tx) => store(tx, rows, options.sample ?? false));
  const allErrors = [...errors, ...stored.errors].sort((a, b) => a.line - b.line);
  return { ...stored, items: stored.added + stored.updated, errors: allErrors };
}

/** The import's outcome as lines for a terminal or a page: one per bad row, then the summary. */
export function importSummaryLines(r: ImportResult): string[] {
  return [
    ...r.errors.map((e) => P.importLine(e.line, e.code, e.reason)),
    P.importSummary({ ...r, failed: r.errors.length }),
  ];
}
