// Copies the files the compiled code reads at run time next to it in dist/ (part of `npm run build`).
// Each folder is read relative to its compiled module (`__dirname`), so dist/ alone carries everything.
import { cpSync, rmSync } from 'node:fs';

/** Folders under src/ that hold data, not code. */
const ASSETS = [
  'src/db/migrations',
  'src/tickets/data',
  'src/agencies/data',
  'src/reference/admin-units/vn-admin-2025',
  'src/programmes/data',
];

for (const dir of ASSETS) {
  rmSync(`dist/${dir}`, { recursive: true, force: true });
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
