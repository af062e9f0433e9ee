import type { Queryable } from '../../db/database';
import type { ImportReport, ImportRow } from './row';

/** Every agency's id and name (the import matches lead and coordinating agencies against them). */
export async function agencyDirectory(db: Queryable): Promise<Array<{ id: string; name: string }>> {
  return (await db.query<{ id: string; name: string }>('SELECT id, name FROM agencies')).rows;
}

/** Serialises imports (CLI, portal upload, start-up seeding on several replicas) for the transaction. */
export async function lockImports(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('tiepdan:programmes-import'))`);
}

/** Inserts or updates a programme by id; a document left empty in the file keeps the stored one. */
export async function upsertProgramme(
  tx: Queryable,
  p: { id: string; title: string; document: string | null; sample: boolean },
): Promise<void> {
  await tx.query(
    `INSERT INTO programmes (id, title, document, sample) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,
       document = COALESCE(EXCLUDED.document, programmes.document), sample = EXCLUDED.sample, updated_at = now()`,
    [p.id, p.title, p.document, p.sample],
  );
}

/** The id of a programme's group by title, created at the end of the order when new. */
export async function ensureGroup(tx: Queryable, programmeId: string, title: string): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO programme_groups (programme_id, title, position)
     VALUES ($1, $2, (SELECT count(*) FROM programme_groups WHERE programme_id = $1))
     ON CONFLICT (programme_id, title) DO UPDATE SET title = EXCLUDED.title
     RETURNING id`,
    [programmeId, title],
  );
  return r.rows[0]!.id;
}

/** Which programme each of these item codes already belongs to. */
export async function itemOwners(tx: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const r = await tx.query<{ code: string; programme_id: string }>(
    'SELECT code, programme_id FROM programme_items WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(r.rows.map((x) => [x.code, x.programme_id]));
}

/** Inserts or updates an item by code; true when it was new. */
export async function upsertItem(
  tx: Queryable,
  row: ImportRow,
  at: { programmeId: string; groupId: number | null; position: number; folded: string },
): Promise<boolean> {
  const r = await tx.query<{ inserted: boolean }>(
    `INSERT INTO programme_items (code, programme_id, group_id, kind, title, title_folded, document,
       lead_agency_id, coordinating_agency_ids, start_on, deadline, unit, baseline, baseline_value, target,
       target_value, budget, product, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10::date, $11::date, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (code) DO UPDATE SET group_id = EXCLUDED.group_id, kind = EXCLUDED.kind, title = EXCLUDED.title,
       title_folded = EXCLUDED.title_folded, document = EXCLUDED.document, lead_agency_id = EXCLUDED.lead_agency_id,
       coordinating_agency_ids = EXCLUDED.coordinating_agency_ids, start_on = EXCLUDED.start_on,
       deadline = EXCLUDED.deadline, unit = EXCLUDED.unit, baseline = EXCLUDED.baseline,
       baseline_value = EXCLUDED.baseline_value, target = EXCLUDED.target, target_value = EXCLUDED.target_value,
       budget = EXCLUDED.budget, product = EXCLUDED.product, position = EXCLUDED.position, updated_at = now()
     RETURNING (xmax = 0) AS inserted`,
    [
      row.code,
      at.programmeId,
      at.groupId,
      row.kind,
      row.title,
      at.folded,
      row.document,
      row.leadAgencyId,
      row.coordinatingAgencyIds,
      row.startOn,
      row.deadline,
      row.unit,
      row.baseline,
      row.baselineValue,
      row.target,
      row.targetValue,
      row.budget,
      row.product,
      at.position,
    ],
  );
  return r.rows[0]!.inserted;
}

/** Stores an imported report once (the dedupe key is what makes re-imports add nothing); true when stored. */
export async function insertImportedReport(
  tx: Queryable,
  code: string,
  agencyId: string | null,
  report: ImportReport,
  dedupeKey: string,
): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO programme_reports (item_code, reported_on, agency_id, percent, value, note, source, dedupe_key)
     VALUES ($1, $2::date, $3, $4, $5, $6, 'import', $7)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [code, report.reportedOn, agencyId, report.percent, report.value, report.note, dedupeKey],
  );
  return r.rowCount > 0;
}

/** True when no programme has been stored yet (a fresh database). */
export async function noProgrammes(db: Queryable): Promise<boolean> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programmes');
  return (r.rows[0]?.n ?? 0) === 0;
}
