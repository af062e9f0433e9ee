import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of the run's own on a Postgres server: the replicas share it, the checks read it, then it goes. */
export interface LoadtestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function run(serverUrl: string, sql: string): Promise<void> {
  // CREATE/DROP DATABASE cannot run inside a transaction: one plain client.
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `tiepdan_loadtest_<pid>_<hex>` on the server of `serverUrl` (the servers migrate it when they start). */
export async function createLoadtestDatabase(serverUrl: string): Promise<LoadtestDatabase> {
  const name = `tiepdan_loadtest_${process.pid}_${randomBytes(4).toString('hex')}`;
  await run(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => run(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
