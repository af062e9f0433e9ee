// Jest runs TypeScript through ts-jest. PGlite loads its WASM through dynamic import(), which Jest's
// CommonJS runtime allows only with NODE_OPTIONS=--experimental-vm-modules (set by the npm scripts).
// Three projects, one per testing level (CONVENTIONS.md): `npm run test:unit|test:int|test:e2e` selects one,
// `npm test` runs all three. With TEST_DATABASE_URL (a Postgres server with pgvector, as CI sets it) a fourth
// project, `server`, runs the integration suites and the process suites that matter again, each test file on a
// database of its own on that server. Suites about several replicas need a server: without one they are reported
// skipped with the reason.
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
};
const server = Boolean(process.env.TEST_DATABASE_URL);
const onServerOnly = server ? ['/test/int/replicas/', '/test/e2e/replicas'] : [];

/** One testing level: its folder under test/, and whether it needs the migrated database snapshot. */
function level(name, withDatabase) {
  return {
    displayName: name,
    testEnvironment: 'node',
    roots: [`<rootDir>/test/${name}`],
    testMatch: ['**/*.test.ts'],
    testPathIgnorePatterns: onServerOnly,
    transform,
    testTimeout: 60_000,
    ...(withDatabase ? { globalSetup: '<rootDir>/test/helpers/global-setup.ts' } : {}),
  };
}

const serverProject = {
  displayName: 'server',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: [
    '<rootDir>/test/int/**/*.test.ts',
    '<rootDir>/test/e2e/replicas*.test.ts',
    '<rootDir>/test/e2e/webchat.browser.e2e.test.ts',
  ],
  transform,
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  setupFiles: ['<rootDir>/test/helpers/server-project.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    level('unit', false),
    level('int', true),
    level('e2e', true),
    ...(server ? [serverProject] : []),
  ],
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
