import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import { AppError } from '../http/errors';
import { createLogger } from '../logger';
import { seedReferenceData } from '../tickets/tickets.module';
import { AuthService } from './auth.service';
import type { StaffRole } from './staff.repository';

const USAGE = `Usage: npm run portal:user -- --username NAME --name "Display name" [--role admin|supervisor|staff]
                            [--agency AGENCY_ID] [--password-stdin] [--reset-password]
Without --password-stdin a strong random password is generated and printed once.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `npm run portal:user`: creates a portal account (the first administrator too) or resets a password. */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      agency: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      'reset-password': { type: 'boolean', default: false },
    },
  });
  const role = values.role as StaffRole;
  if (
    !values.username ||
    (!values['reset-password'] && !values.name) ||
    !['admin', 'supervisor', 'staff'].includes(role)
  ) {
    throw new Error(USAGE);
  }
  const generated = !values['password-stdin'];
  const password = generated ? randomBytes(15).toString('base64url') : await readStdin();
  const config = loadConfig(process.env);
  const db = await openDatabase(config, createLogger('warn'));
  try {
    await migrate(db);
    // Accounts reference their agency: on a database the server has not started on yet, seed the agencies first.
    await seedReferenceData(db, config);
    const auth = new AuthService(db);
    // A generated password is issued to someone: they choose their own at the first sign-in.
    if (values['reset-password'])
      await auth.changePassword(values.username, password, { temporary: generated });
    else
      await auth.createUser({
        username: values.username,
        displayName: values.name!,
        password,
        role,
        agencyId: values.agency ?? null,
        temporary: generated,
      });
  } finally {
    await db.close();
  }
  process.stdout.write(
    `${values['reset-password'] ? 'Password reset' : 'Account created'} for ${values.username}.\n`,
  );
  if (generated) process.stdout.write(`Password (shown once, store it safely): ${password}\n`);
}

run().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof AppError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
