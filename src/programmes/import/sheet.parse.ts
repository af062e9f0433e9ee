import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { AppError } from '../../http/errors';
import { foldDiacritics } from '../../text/normalize';

/** One data row of a sheet: its line (or row) number in the file and its cells by lower-case column name. */
export interface SheetRow {
  line: number;
  cells: Record<string, string>;
}

/** A parsed sheet: its column keys (header row) and its non-empty data rows. */
export interface Sheet {
  columns: string[];
  rows: SheetRow[];
}

/** Most rows one import accepts (a programme is hundreds of items, not millions). */
export const MAX_IMPORT_ROWS = 20_000;

const isXlsx = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50; // "PK\3\4"

const invalid = () => new AppError('import_file_invalid', 400, P.errors.import_file_invalid);

/** Column names as written, matched case- and accent-insensitively ("Lead agency" = "lead_agency"). */
export function columnKey(name: string): string {
  return foldDiacritics(name.normalize('NFC'))
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).normalize('NFC').trim();
}

function toRows(matrix: unknown[][], lineOf: (index: number) => number): Sheet {
  const [header, ...data] = matrix;
  if (!header || header.length === 0) throw invalid();
  if (data.length > MAX_IMPORT_ROWS) throw invalid();
  const keys = header.map((h) => columnKey(cellText(h)));
  const rows = data
    .map((row, i) => {
      const cells: Record<string, string> = {};
      keys.forEach((k, c) => {
        if (k) cells[k] = cellText(row[c]);
      });
      return { line: lineOf(i + 1), cells };
    })
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  return { columns: keys.filter(Boolean), rows };
}

// Spreadsheets saved as CSV in a Vietnamese locale use ';' because ',' is the decimal mark.
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function parseCsv(bytes: Buffer): Sheet {
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw invalid();
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch {
    throw invalid();
  }
  // info.lines is the line a record ends on; the number people see is where it starts, the same for one-line rows.
  const lines = records.map((r) => r.info.lines);
  return toRows(
    records.map((r) => r.record),
    (i) => lines[i] ?? i + 1,
  );
}

async function parseXlsx(bytes: Buffer): Promise<Sheet> {
  let matrix: unknown[][];
  try {
    matrix = (await readSheet(bytes)) as unknown[][];
  } catch {
    throw invalid();
  }
  return toRows(matrix, (i) => i + 1);
}

/** Reads the first sheet of an XLSX file (by its bytes) or a CSV file (UTF-8, ',' or ';') into its columns and rows. */
export async function readSheetRows(bytes: Buffer): Promise<Sheet> {
  return isXlsx(bytes) ? parseXlsx(bytes) : parseCsv(bytes);
}
