import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/connect';
import type { Database } from '../db/database';
import { DataDirLockedError } from '../db/data-dir-lock';
import { migrate } from '../db/migrate';
import { AppError } from '../http/errors';
import { adminVi } from '../i18n/admin.vi';
import { createLogger } from '../logger';
import { seedReferenceData } from '../tickets/tickets.module';
import { AdminRepository } from './admin/admin.repository';
import { resolveAgency } from './agency-lookup';
import { AuthService } from './auth.service';
import type { StaffRole } from './staff.repository';

const T = adminVi.cli;

/** A refusal the command explains in words (no error code). */
class CliError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function args() {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      agency: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      'reset-password': { type: 'boolean', default: false },
      'list-agencies': { type: 'boolean', default: false },
    },
  });
  const role = values.role as StaffRole;
  const list = values['list-agencies'];
  const ok = list || (values.username && (values['reset-password'] || values.name));
  if (!ok || !['admin', 'supervisor', 'staff', 'oversight'].includes(role)) throw new CliError(T.usage);
  return { ...values, role };
}

// The server holds an embedded data folder alone: say what to do instead of a bare "folder in use".
async function open(): Promise<{ db: Database; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig(process.env);
  try {
    return { db: await openDatabase(config, createLogger('warn')), config };
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(T.folderInUse(err.dir, err.pid));
    throw err;
  }
}

async function agencyId(db: Database, typed: string | undefined): Promise<string | null> {
  if (!typed) return null;
  const agencies = await new AdminRepository(db).agencies();
  const match = resolveAgency(typed, agencies);
  if (match.kind === 'found') return match.agency.id;
  if (match.kind === 'ambiguous')
    throw new CliError(
      T.ambiguousAgency(
        typed,
        match.candidates.map((a) => `${a.id}\t${a.name}`),
      ),
    );
  throw new CliError(T.unknownAgency(typed));
}

/** `npm run portal:user`: creates a portal account (the first administrator too), resets a password, lists agencies. */
async function run(): Promise<void> {
  const values = args();
  const generated = !values['password-stdin'] && !values['list-agencies'];
  const password = values['password-stdin'] ? await readStdin() : randomBytes(15).toString('base64url');
  const { db, config } = await open();
  try {
    await migrate(db);
    // Accounts reference their agency: on a database the server has not started on yet, seed the agencies first.
    await seedReferenceData(db, config);
    if (values['list-agencies']) {
      const rows = await new AdminRepository(db).agencies();
      process.stdout.write(`${T.agenciesHeader}\n${rows.map((a) => `${a.id}\t${a.name}`).join('\n')}\n`);
      return;
    }
    const auth = new AuthService(db);
    const username = values.username!;
    // A generated password is issued to someone: they choose their own at the first sign-in.
    if (values['reset-password']) await auth.changePassword(username, password, { temporary: generated });
    else {
      const agency = await agencyId(db, values.agency);
      await auth.createUser({
        username,
        displayName: values.name!,
        password,
        role: values.role,
        agencyId: agency,
        temporary: generated,
      });
    }
    process.stdout.write(`${values['reset-password'] ? T.reset(username) : T.created(username)}\n`);
    if (generated) process.stdout.write(`${T.password(password)}\n`);
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  const text =
    err instanceof CliError
      ? err.message
      : err instanceof AppError
        ? `${err.code}: ${err.message}`
        : err instanceof Error
          ? err.message
          : String(err);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
