import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../../config/config';
import { openDatabase } from '../../db/connect';
import { DataDirLockedError } from '../../db/data-dir-lock';
import { migrate } from '../../db/migrate';
import { createLogger } from '../../logger';
import { seedReferenceData } from '../../tickets/tickets.module';
import { readImportEndpoint } from './control-file';
import { importProgrammeFile, importSummaryLines, type ImportResult } from './import.service';

const NO_SERVER =
  'The data folder is in use but the server there does not accept imports (no control file): stop it and retry.';

/** Posts the file to the server that holds the embedded database (the data-folder lock). */
async function importThroughServer(config: Config, bytes: Buffer, sample: boolean): Promise<ImportResult> {
  const endpoint = await readImportEndpoint(config.dataDir);
  if (!endpoint) throw new Error(NO_SERVER);
  const res = await fetch(`${endpoint.url}/api/programmes/import${sample ? '?sample=1' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  const body = (await res.json()) as ImportResult & { error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
  return body;
}

/** Opens the database itself; when a running server holds the embedded one, imports through that server. */
async function importFile(config: Config, bytes: Buffer, sample: boolean): Promise<ImportResult> {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let db;
  try {
    db = await openDatabase(config, logger);
  } catch (err) {
    if (err instanceof DataDirLockedError) return importThroughServer(config, bytes, sample);
    throw err;
  }
  try {
    await migrate(db);
    // Agencies are matched against the directory, which a database that never ran the server lacks.
    await seedReferenceData(db, config);
    return await importProgrammeFile(db, bytes, { sample });
  } finally {
    await db.close();
  }
}

/** `npm run programmes:import -- FILE [--sample]`: loads a CSV or XLSX of programme items; exit 1 if a row failed. */
async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { sample: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    process.stderr.write('usage: npm run programmes:import -- FILE.csv|FILE.xlsx [--sample]\n');
    return 64;
  }
  const config = loadConfig(process.env);
  const bytes = await readFile(path.resolve(positionals[0]!));
  const result = await importFile(config, bytes, values.sample ?? false);
  process.stdout.write(`${importSummaryLines(result).join('\n')}\n`);
  return result.errors.length > 0 ? 1 : 0;
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  },
);
