import pg from 'pg';
import { adminQuery, TEST_DATABASE_URL } from './server-db';

/** Drops the run's template and any database of this run a crashed test file left behind on the server. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.TIEPDAN_TEST_TEMPLATE;
  if (!TEST_DATABASE_URL || !template) return;
  const prefix = template.replace(/_tpl$/, '_');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    names = rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  for (const name of names) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
