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

/** A former commune and the new commune codes it became. */
export interface FormerCommune {
  oldCode: string;
  oldName: string;
  oldProvinceCode: string;
  newCodes: string[];
}

/** Folder of the bundled MIT data (copied to dist by the build). */
export const ADMIN_DATA_DIR = path.join(__dirname, 'data', 'vn-admin-2025');

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

let cache: { units: AdminUnit[]; former: FormerCommune[] } | undefined;

/** Reads the bundled units and old→new mapping once per process (about 1.5 MB). */
export function loadAdminData(dir: string = ADMIN_DATA_DIR): { units: AdminUnit[]; former: FormerCommune[] } {
  if (cache && dir === ADMIN_DATA_DIR) return cache;
  type RawUnit = {
    code: string;
    name: string;
    type: string;
    province_code: string;
    level: string;
    short_name: string;
  };
  type RawFormer = { old_code: string; old_name: string; old_province_code: string; new: string[] };
  const units = readJsonl<RawUnit>(path.join(dir, 'units.jsonl')).map((u) => ({
    code: u.code,
    name: u.name,
    type: u.type,
    provinceCode: u.province_code,
    level: u.level as AdminUnit['level'],
    shortName: u.short_name,
  }));
  const former = readJsonl<RawFormer>(path.join(dir, 'old-to-new.jsonl')).map((f) => ({
    oldCode: f.old_code,
    oldName: f.old_name,
    oldProvinceCode: f.old_province_code,
    newCodes: f.new,
  }));
  const data = { units, former };
  if (dir === ADMIN_DATA_DIR) cache = data;
  return data;
}
