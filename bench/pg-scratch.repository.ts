import { openPg } from '../src/db/pg.driver';

/** A throw-away schema on a Postgres server and a connection string whose search_path starts there. */
export interface ScratchSchema {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * Creates `tiepdan_bench_<pid>_<n>` so a benchmark never touches the tables of the database it is given. The
 * extensions go to `public` first (the schema's f_unaccent names `public.unaccent`).
 */
export async function createScratchSchema(databaseUrl: string): Promise<ScratchSchema> {
  const schema = `tiepdan_bench_${process.pid}_${++counter}`;
  const admin = await openPg({ connectionString: databaseUrl, max: 1 });
  try {
    await admin.exec(`CREATE EXTENSION IF NOT EXISTS vector SCHEMA public;
      CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
      CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
      CREATE SCHEMA ${schema};`);
  } finally {
    await admin.close();
  }
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    url: url.toString(),
    async drop() {
      const db = await openPg({ connectionString: databaseUrl, max: 1 });
      try {
        await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await db.close();
      }
    },
  };
}
