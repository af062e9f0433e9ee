import type { Queryable } from '../db/database';
import type { AdminUnit, FormerCommune } from '../reference/admin-units/admin-units';

/** The provincial agencies after the 2025 merger (ids are stable: routing rules refer to them). */
export const PROVINCIAL_AGENCIES: ReadonlyArray<{ id: string; name: string; kind: string }> = [
  { id: 'van-phong-ubnd-tinh', name: 'Văn phòng UBND tỉnh', kind: 'office' },
  { id: 'thanh-tra-tinh', name: 'Thanh tra tỉnh', kind: 'inspectorate' },
  { id: 'cong-an-tinh', name: 'Công an tỉnh', kind: 'police' },
  { id: 'so-xay-dung', name: 'Sở Xây dựng', kind: 'department' },
  { id: 'so-nong-nghiep-moi-truong', name: 'Sở Nông nghiệp và Môi trường', kind: 'department' },
  { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department' },
  { id: 'so-cong-thuong', name: 'Sở Công Thương', kind: 'department' },
  { id: 'so-y-te', name: 'Sở Y tế', kind: 'department' },
  { id: 'so-giao-duc-dao-tao', name: 'Sở Giáo dục và Đào tạo', kind: 'department' },
  { id: 'so-tai-chinh', name: 'Sở Tài chính', kind: 'department' },
  { id: 'so-tu-phap', name: 'Sở Tư pháp', kind: 'department' },
  { id: 'so-khoa-hoc-cong-nghe', name: 'Sở Khoa học và Công nghệ', kind: 'department' },
  { id: 'so-van-hoa-the-thao-du-lich', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' },
  { id: 'so-dan-toc-ton-giao', name: 'Sở Dân tộc và Tôn giáo', kind: 'department' },
];

/** Id of the UBND agency of a commune. */
export const communeAgencyId = (communeCode: string): string => `ubnd-${communeCode}`;

/** Loads units and the old→new mapping; does nothing when they are already there (same data every start). */
export async function seedAdminUnits(
  db: Queryable,
  units: readonly AdminUnit[],
  former: readonly FormerCommune[],
): Promise<void> {
  const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_units');
  if ((count.rows[0]?.n ?? 0) >= units.length) return;
  await db.query(
    `INSERT INTO admin_units (code, name, type, level, province_code, short_name)
     SELECT code, name, type, level, "provinceCode", "shortName"
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, type text, level text, "provinceCode" text, "shortName" text)
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(units)],
  );
  // Mapping targets outside the unit list (none in the bundled data) would break the foreign key.
  const known = new Set(units.map((u) => u.code));
  const pairs = former.flatMap((f) =>
    f.newCodes.filter((c) => known.has(c)).map((newCode) => ({ ...f, newCode, newCodes: undefined })),
  );
  await db.query(
    `INSERT INTO admin_unit_renames (old_code, old_name, old_province_code, new_code)
     SELECT "oldCode", "oldName", "oldProvinceCode", "newCode"
     FROM jsonb_to_recordset($1::jsonb) AS x("oldCode" text, "oldName" text, "oldProvinceCode" text, "newCode" text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(pairs)],
  );
}

/** Seeds the provincial agencies and one UBND per commune of the province; existing rows are left as edited. */
export async function seedAgencies(db: Queryable, provinceCode: string): Promise<void> {
  await db.query(
    `INSERT INTO agencies (id, name, kind, province_code)
     SELECT id, name, kind, $2 FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, kind text)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(PROVINCIAL_AGENCIES), provinceCode],
  );
  await db.query(
    `INSERT INTO agencies (id, name, kind, province_code, commune_code)
     SELECT 'ubnd-' || code, 'UBND ' || name, 'commune', province_code, code
     FROM admin_units WHERE level = 'commune' AND province_code = $1
     ON CONFLICT (id) DO NOTHING`,
    [provinceCode],
  );
}
