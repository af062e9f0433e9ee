import { programmesVi as P } from '../../i18n/programmes.vi';
import type { SheetRow } from './sheet.parse';
import { firstNumber, parseDateCell, parseVnNumber, slugOf, splitAgencies } from './values';

/** The columns every import file must have (DESIGN.md); the report columns are optional. */
export const REQUIRED_COLUMNS = [
  'programme',
  'document',
  'group',
  'code',
  'kind',
  'title',
  'lead_agency',
  'coordinating_agencies',
  'deadline',
  'unit',
  'baseline',
  'target',
  'budget',
  'product',
] as const;

/** A progress report carried by an import row (the item's latest report). */
export interface ImportReport {
  reportedOn: string;
  percent: number | null;
  value: number | null;
  note: string | null;
}

/** One valid import row: an item of a programme, possibly with its latest report. */
export interface ImportRow {
  line: number;
  /** The programme's id: the optional `programme_id` column, else a slug of its title. */
  programmeId: string;
  programme: string;
  document: string | null;
  group: string | null;
  code: string;
  kind: 'target' | 'task';
  title: string;
  leadAgencyId: string | null;
  coordinatingAgencyIds: string[];
  startOn: string | null;
  deadline: string | null;
  unit: string | null;
  baseline: string | null;
  baselineValue: number | null;
  target: string | null;
  targetValue: number | null;
  budget: string | null;
  product: string | null;
  report: ImportReport | null;
}

/** Why a row was left out. */
export interface RowError {
  line: number;
  code: string | null;
  reason: string;
}

/** Finds an agency id by id or by name (accent-insensitive); null when unknown. */
export type AgencyLookup = (idOrName: string) => string | null;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const PROGRAMME_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const KINDS: Record<string, 'target' | 'task'> = {
  target: 'target',
  'chi tieu': 'target',
  'chỉ tiêu': 'target',
  task: 'task',
  'nhiem vu': 'task',
  'nhiệm vụ': 'task',
};
const MAX_TEXT = 2000;

class RowInvalid extends Error {}
const fail = (reason: string): never => {
  throw new RowInvalid(reason);
};

function text(cells: Record<string, string>, key: string): string | null {
  const v = cells[key]?.trim() ?? '';
  if (v.length > MAX_TEXT) fail(P.rowErrors.tooLong(key));
  return v === '' ? null : v;
}

function date(cells: Record<string, string>, key: string): string | null {
  const v = parseDateCell(cells[key] ?? '');
  return v === 'invalid' ? fail(P.rowErrors.date(key, cells[key] ?? '')) : v;
}

function num(cells: Record<string, string>, key: string): number | null {
  const v = parseVnNumber(cells[key] ?? '');
  return v !== null && Number.isNaN(v) ? fail(P.rowErrors.number(key, cells[key] ?? '')) : v;
}

function agency(lookup: AgencyLookup, name: string): string {
  return lookup(name) ?? fail(P.rowErrors.agency(name));
}

function report(cells: Record<string, string>, today: string): ImportReport | null {
  const reportedOn = date(cells, 'report_date');
  const percent = num(cells, 'progress_percent');
  const value = num(cells, 'progress_value');
  const note = text(cells, 'report_note');
  if (!reportedOn) return percent === null && value === null ? null : fail(P.rowErrors.valueWithoutDate);
  if (percent === null && value === null) fail(P.rowErrors.reportWithoutValue);
  if (percent !== null && (percent < 0 || percent > 100)) fail(P.rowErrors.percent);
  if (reportedOn > today) fail(P.rowErrors.futureReport);
  return { reportedOn, percent, value, note };
}

function required(cells: Record<string, string>, key: string): string {
  return text(cells, key) ?? fail(P.rowErrors.required(key));
}

function build(row: SheetRow, lookup: AgencyLookup, today: string): ImportRow {
  const c = row.cells;
  const code = required(c, 'code');
  if (!CODE.test(code)) fail(P.rowErrors.code);
  const kind = KINDS[required(c, 'kind').toLowerCase()] ?? fail(P.rowErrors.kind);
  const lead = text(c, 'lead_agency');
  const baseline = text(c, 'baseline');
  const target = text(c, 'target');
  const programme = required(c, 'programme');
  const programmeId = text(c, 'programme_id') ?? slugOf(programme);
  if (!PROGRAMME_ID.test(programmeId)) fail(P.rowErrors.programmeId);
  return {
    line: row.line,
    programmeId,
    programme,
    document: text(c, 'document'),
    group: text(c, 'group'),
    code,
    kind,
    title: required(c, 'title'),
    leadAgencyId: lead ? agency(lookup, lead) : null,
    coordinatingAgencyIds: splitAgencies(c.coordinating_agencies ?? '').map((a) => agency(lookup, a)),
    startOn: date(c, 'start'),
    deadline: date(c, 'deadline'),
    unit: text(c, 'unit'),
    baseline,
    baselineValue: baseline ? firstNumber(baseline.replace(/\((?:năm\s*)?\d{4}\)/g, '')) : null,
    target,
    targetValue: target ? firstNumber(target.replace(/\((?:năm\s*)?\d{4}\)/g, '')) : null,
    budget: text(c, 'budget'),
    product: text(c, 'product'),
    report: report(c, today),
  };
}

/** Validates every row: good rows are returned, each bad one as its line, code and reason; codes are unique. */
export function validateRows(
  rows: readonly SheetRow[],
  lookup: AgencyLookup,
  today: string,
): { rows: ImportRow[]; errors: RowError[] } {
  const good: ImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const code = row.cells.code?.trim() || null;
    try {
      const item = build(row, lookup, today);
      const first = seen.get(item.code);
      if (first !== undefined) fail(P.rowErrors.duplicate(first));
      seen.set(item.code, row.line);
      good.push(item);
    } catch (err) {
      if (!(err instanceof RowInvalid)) throw err;
      errors.push({ line: row.line, code, reason: err.message });
    }
  }
  return { rows: good, errors };
}

/** Required columns a header lacks. */
export function missingColumns(columns: readonly string[]): string[] {
  const have = new Set(columns);
  return REQUIRED_COLUMNS.filter((c) => !have.has(c));
}
