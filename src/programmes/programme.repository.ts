import type { Queryable } from '../db/database';

/** A programme row. */
export interface ProgrammeRow {
  id: string;
  title: string;
  document: string | null;
  /** The title of the knowledge-base document `document` names, when it is there. */
  document_title: string | null;
  sample: boolean;
}

// The knowledge-base document a programme names: by id (with or without extension) or by its number.
const PROGRAMME_SELECT = `SELECT p.id, p.title, p.document, d.title AS document_title, p.sample FROM programmes p
  LEFT JOIN LATERAL (SELECT k.title FROM kb_documents k
    WHERE k.id = p.document OR left(k.id, length(p.document) + 1) = p.document || '.' OR lower(k.number) = lower(p.document)
    ORDER BY (k.id = p.document) DESC, k.id LIMIT 1) d ON true`;

/** An item row with its group's title, its lead agency's name and how many tickets are linked to it. */
export interface ItemRow {
  code: string;
  programme_id: string;
  programme_title: string;
  programme_sample: boolean;
  programme_document: string | null;
  group_id: number | null;
  group_title: string | null;
  kind: 'target' | 'task';
  title: string;
  title_folded: string;
  document: string | null;
  lead_agency_id: string | null;
  lead_agency_name: string | null;
  coordinating: Array<{ id: string; name: string }>;
  start_on: string | null;
  deadline: string | null;
  unit: string | null;
  baseline: string | null;
  baseline_value: number | null;
  target: string | null;
  target_value: number | null;
  budget: string | null;
  product: string | null;
  notified_status: string | null;
  linked_tickets: number;
}

/** A progress report row with its agency's name and evidence files (id and name). */
export interface ReportRow {
  id: number;
  item_code: string;
  reported_on: string;
  agency_id: string | null;
  agency_name: string | null;
  percent: number | null;
  value: number | null;
  note: string | null;
  source: 'import' | 'portal';
  evidence: Array<{ id: number; filename: string }>;
}

const ITEM_COLUMNS = `i.code, i.programme_id, p.title AS programme_title, p.sample AS programme_sample,
  p.document AS programme_document, i.group_id, g.title AS group_title, i.kind, i.title, i.title_folded,
  i.document, i.lead_agency_id, a.name AS lead_agency_name,
  COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.name) FROM agencies c
            WHERE c.id = ANY(i.coordinating_agency_ids)), '[]'::json) AS coordinating,
  to_char(i.start_on, 'YYYY-MM-DD') AS start_on, to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.unit,
  i.baseline, i.baseline_value::float8 AS baseline_value, i.target, i.target_value::float8 AS target_value,
  i.budget, i.product, i.notified_status,
  (SELECT count(*)::int FROM programme_ticket_links l WHERE l.item_code = i.code) AS linked_tickets`;
const ITEM_FROM = `FROM programme_items i JOIN programmes p ON p.id = i.programme_id
  LEFT JOIN programme_groups g ON g.id = i.group_id
  LEFT JOIN agencies a ON a.id = i.lead_agency_id`;

/** The counter every change to what the programme pages show moves (migration 0620): the key of cached reads. */
export async function programmeDataVersion(db: Queryable): Promise<string> {
  const r = await db.query<{ version: string }>(
    'SELECT version::text AS version FROM programme_data_version',
  );
  return r.rows[0]?.version ?? '0';
}

/** Every programme, in title order. */
export async function listProgrammes(db: Queryable): Promise<ProgrammeRow[]> {
  return (await db.query<ProgrammeRow>(`${PROGRAMME_SELECT} ORDER BY p.title`)).rows;
}

/** One programme, or null. */
export async function programmeById(db: Queryable, id: string): Promise<ProgrammeRow | null> {
  const r = await db.query<ProgrammeRow>(`${PROGRAMME_SELECT} WHERE p.id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** A programme's groups in their order. */
export async function programmeGroups(
  db: Queryable,
  id: string,
): Promise<Array<{ id: number; title: string }>> {
  const r = await db.query<{ id: number; title: string }>(
    'SELECT id::int AS id, title FROM programme_groups WHERE programme_id = $1 ORDER BY position, id',
    [id],
  );
  return r.rows;
}

/** Items of a programme (or all programmes when id is null), in file order. */
export async function programmeItems(db: Queryable, id: string | null): Promise<ItemRow[]> {
  const r = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE $1::text IS NULL OR i.programme_id = $1
     ORDER BY i.programme_id, i.position, i.code`,
    [id],
  );
  return r.rows;
}

/** Items whose lead agency is the given one, across programmes. */
export async function agencyItems(db: Queryable, agencyId: string): Promise<ItemRow[]> {
  const r = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.lead_agency_id = $1 ORDER BY i.programme_id, i.position`,
    [agencyId],
  );
  return r.rows;
}

/** One item by code, or null. */
export async function itemByCode(db: Queryable, code: string): Promise<ItemRow | null> {
  const r = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.code = $1`, [code]);
  return r.rows[0] ?? null;
}

/** The reports of these items, newest first within each item. */
export async function reportsOf(db: Queryable, codes: readonly string[]): Promise<ReportRow[]> {
  const r = await db.query<ReportRow>(
    `SELECT r.id::int AS id, r.item_code, to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on, r.agency_id,
            a.name AS agency_name, r.percent::float8 AS percent, r.value::float8 AS value, r.note, r.source,
            COALESCE((SELECT json_agg(json_build_object('id', e.id, 'filename', e.filename) ORDER BY e.id)
                      FROM programme_evidence e WHERE e.report_id = r.id), '[]'::json) AS evidence
     FROM programme_reports r LEFT JOIN agencies a ON a.id = r.agency_id
     WHERE r.item_code = ANY($1::text[])
     ORDER BY r.item_code, r.reported_on DESC, r.id DESC`,
    [codes],
  );
  return r.rows;
}

/** What the status rule reads of a report: its day and figures. */
export interface ReportPoint {
  item_code: string;
  reported_on: string;
  percent: number | null;
  value: number | null;
}

/** Day and figures of every report of these items: the light read list pages derive statuses from. */
export async function reportPointsOf(db: Queryable, codes: readonly string[]): Promise<ReportPoint[]> {
  const r = await db.query<ReportPoint>(
    `SELECT item_code, to_char(reported_on, 'YYYY-MM-DD') AS reported_on, percent::float8 AS percent,
            value::float8 AS value
     FROM programme_reports WHERE item_code = ANY($1::text[])`,
    [codes],
  );
  return r.rows;
}

/** The latest report dated on or before `today` of each of these items, with its agency and evidence. */
export async function latestReportsOf(
  db: Queryable,
  codes: readonly string[],
  today: string,
): Promise<ReportRow[]> {
  const r = await db.query<ReportRow>(
    `SELECT r.id::int AS id, r.item_code, to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on, r.agency_id,
            a.name AS agency_name, r.percent::float8 AS percent, r.value::float8 AS value, r.note, r.source,
            COALESCE((SELECT json_agg(json_build_object('id', e.id, 'filename', e.filename) ORDER BY e.id)
                      FROM programme_evidence e WHERE e.report_id = r.id), '[]'::json) AS evidence
     FROM (SELECT DISTINCT ON (item_code) * FROM programme_reports
           WHERE item_code = ANY($1::text[]) AND reported_on <= $2::date
           ORDER BY item_code, reported_on DESC, id DESC) r
     LEFT JOIN agencies a ON a.id = r.agency_id`,
    [codes, today],
  );
  return r.rows;
}

/** Appends a report (and its evidence file) filed in the portal; returns the report id. */
export async function insertPortalReport(
  tx: Queryable,
  r: {
    code: string;
    reportedOn: string;
    agencyId: string | null;
    percent: number | null;
    value: number | null;
    note: string | null;
    userId: string;
  },
): Promise<number> {
  const res = await tx.query<{ id: number }>(
    `INSERT INTO programme_reports (item_code, reported_on, agency_id, percent, value, note, source, created_by)
     VALUES ($1, $2::date, $3, $4, $5, $6, 'portal', $7) RETURNING id::int AS id`,
    [r.code, r.reportedOn, r.agencyId, r.percent, r.value, r.note, r.userId],
  );
  return res.rows[0]!.id;
}

/** Stores one evidence file of a report. */
export async function insertEvidence(
  tx: Queryable,
  reportId: number,
  file: { filename: string; contentType: string; bytes: Buffer },
): Promise<void> {
  await tx.query(
    'INSERT INTO programme_evidence (report_id, filename, content_type, bytes) VALUES ($1, $2, $3, $4)',
    [reportId, file.filename, file.contentType, file.bytes],
  );
}

/** One evidence file, or null. */
export async function evidenceById(
  db: Queryable,
  id: number,
): Promise<{ filename: string; content_type: string; bytes: Buffer } | null> {
  const r = await db.query<{ filename: string; content_type: string; bytes: Buffer }>(
    'SELECT filename, content_type, bytes FROM programme_evidence WHERE id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}
