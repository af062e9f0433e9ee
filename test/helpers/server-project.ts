// Jest `server` project: every test database of this file lives on the Postgres server of TEST_DATABASE_URL.
process.env.TIEPDAN_TEST_DB = 'server';
