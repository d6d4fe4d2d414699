/* API integration tests: the real Nest app on a real PostgreSQL (embedded PGlite, or the server
   named by TEST_DATABASE_URL, with a database per test file cloned from a migrated template). */
module.exports = {
  displayName: 'api-integration',
  rootDir: '../..',
  // Node, plus PGlite's parts made once per worker (see support/environment.ts).
  testEnvironment: '<rootDir>/test/api/support/environment.ts',
  testMatch: ['<rootDir>/test/api/**/*.integration-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@heard/domain$': '<rootDir>/libs/domain/src/index.ts',
    // Test pictures made byte by byte, shared with the domain's own specs; never in the app.
    '^@heard/domain/testing$': '<rootDir>/libs/domain/src/plan/plan-pictures.test-images.ts',
    '^@heard/migrations$': '<rootDir>/migrations/index.ts',
    '^@heard/api/(.*)$': '<rootDir>/apps/api/src/$1',
  },
  setupFiles: ['<rootDir>/test/api/support/file-start.ts'],
  globalSetup: '<rootDir>/test/api/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/api/support/global-teardown.ts',
  // A test or hook waits on CPU it does not get on a loaded machine: at load 20, a worker's first
  // set-up took 29 s (Jest compiling the app, PGlite's code compiled on first use), which failed
  // with 30 s. A hung test is still stopped, two minutes on.
  testTimeout: 120_000,
  maxWorkers: 2,
};
