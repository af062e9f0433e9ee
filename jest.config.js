// Jest runs TypeScript through ts-jest. PGlite loads its WASM through dynamic import(), which Jest's
// CommonJS runtime allows only with NODE_OPTIONS=--experimental-vm-modules (set by the npm scripts).
// Three projects, one per testing level (CONVENTIONS.md): `npm run test:unit|test:int|test:e2e` selects one,
// `npm test` runs all three.
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
};

/** One testing level: its folder under test/, and whether it needs the migrated database snapshot. */
function level(name, withDatabase) {
  return {
    displayName: name,
    testEnvironment: 'node',
    roots: [`<rootDir>/test/${name}`],
    testMatch: ['**/*.test.ts'],
    transform,
    testTimeout: 60_000,
    ...(withDatabase ? { globalSetup: '<rootDir>/test/helpers/global-setup.ts' } : {}),
  };
}

/** @type {import('jest').Config} */
module.exports = {
  projects: [level('unit', false), level('int', true), level('e2e', true)],
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
