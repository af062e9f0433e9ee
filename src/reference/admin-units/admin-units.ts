import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A unit in force since 1 July 2025 (province or commune). */
export interface AdminUnit {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
  level: 'province' | 'commune';
  shortName: string;
}

/** A former commune (before 1 July 2025), its former province and the new commune codes it became. */
export interface FormerCommune {
  oldCode: string;
  oldName: string;
  oldProvinceCode: string;
  oldProvinceName: string;
  newCodes: string[];
}

/** The 2025 administrative units and the old→new mapping, as one read-only value. */
export interface AdminUnits {
  units: AdminUnit[];
  former: FormerCommune[];
}

/** Folder of the bundled data; the build copies it beside the compiled loader (see docs/reference-data.md). */
export const ADMIN_UNITS_DIR = path.join(__dirname, 'vn-admin-2025');

/** A line of `units.jsonl`. */
export interface UnitLine {
  code: string;
  name: string;
  type: string;
  province_code: string;
  level: string;
  short_name: string;
}

/** A line of `old-to-new.jsonl`. */
export interface FormerLine {
  old_code: string;
  old_name: string;
  old_province_code: string;
  old_province_name: string;
  new: string[];
}

/** Parses a JSON-lines file, skipping blank lines. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

let cache: AdminUnits | undefined;

/** Reads the bundled units and old→new mapping, once per process for the default folder (about 1.8 MB). */
export function loadAdminUnits(dir: string = ADMIN_UNITS_DIR): AdminUnits {
  if (cache && dir === ADMIN_UNITS_DIR) return cache;
  const units = readJsonl<UnitLine>(path.join(dir, 'units.jsonl')).map((u) => ({
    code: u.code,
    name: u.name,
    type: u.type,
    provinceCode: u.province_code,
    level: u.level as AdminUnit['level'],
    shortName: u.short_name,
  }));
  const former = readJsonl<FormerLine>(path.join(dir, 'old-to-new.jsonl')).map((f) => ({
    oldCode: f.old_code,
    oldName: f.old_name,
    oldProvinceCode: f.old_province_code,
    oldProvinceName: f.old_province_name,
    newCodes: f.new,
  }));
  const data = { units, former };
  if (dir === ADMIN_UNITS_DIR) cache = data;
  return data;
}
