import { randomBytes } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * PGlite serves one process, so while the server holds the data folder an import CLI cannot open it. The server
 * then writes this file into the folder (readable only by its owner, as the database files are): its own address
 * and a one-start token for `POST /api/programmes/import`. The CLI posts the file there instead.
 */
export const CONTROL_FILE = '.tiepdan.import.json';

/** Where a running server on this data folder takes imports. */
export interface ImportEndpoint {
  pid: number;
  url: string;
  token: string;
}

/** A fresh random token for one server start. */
export function newImportToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Writes the control file; the returned function removes it (at shutdown). */
export async function announceImportEndpoint(
  dataDir: string,
  endpoint: ImportEndpoint,
): Promise<() => Promise<void>> {
  const file = path.join(dataDir, CONTROL_FILE);
  await writeFile(file, JSON.stringify(endpoint), { mode: 0o600 });
  return () => unlink(file).catch(() => undefined);
}

/** True when this process holds the data folder's lock (so it, and nothing else, serves that database). */
export async function holdsDataDir(dataDir: string): Promise<boolean> {
  const holder = await readFile(path.join(dataDir, '.tiepdan.lock'), 'utf8').catch(() => '');
  return Number.parseInt(holder, 10) === process.pid;
}

/** Reads the control file of a data folder; null when there is none or it is unreadable. */
export async function readImportEndpoint(dataDir: string): Promise<ImportEndpoint | null> {
  try {
    const parsed = JSON.parse(
      await readFile(path.join(dataDir, CONTROL_FILE), 'utf8'),
    ) as Partial<ImportEndpoint>;
    if (typeof parsed.url !== 'string' || typeof parsed.token !== 'string' || typeof parsed.pid !== 'number')
      return null;
    return { pid: parsed.pid, url: parsed.url, token: parsed.token };
  } catch {
    return null;
  }
}
