// Jest runs TypeScript through ts-jest. PGlite loads its WASM through dynamic import(), which Jest's
// CommonJS runtime allows only with NODE_OPTIONS=--experimental-vm-modules (set by the npm scripts).
//
// Two projects: `embedded` runs every suite on PGlite; `server` (only when TEST_DATABASE_URL names a Postgres
// server with pgvector, as CI sets it) runs the repository, integration and process-level suites again, each test
// file on a database of its own on that server. Suites about several replicas need a server: without one they are
// reported skipped with the reason.
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
};
const onServerOnly = ['/test/int/replicas/', '/test/e2e/replicas'];
const server = Boolean(process.env.TEST_DATABASE_URL);

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'embedded',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: server ? onServerOnly : [],
    },
    ...(server
      ? [
          {
            ...base,
            displayName: 'server',
            testMatch: [
              '<rootDir>/test/int/**/*.test.ts',
              '<rootDir>/test/e2e/replicas*.test.ts',
              '<rootDir>/test/e2e/webchat.browser.e2e.test.ts',
            ],
            setupFiles: ['<rootDir>/test/helpers/server-project.ts'],
          },
        ]
      : []),
  ],
};
