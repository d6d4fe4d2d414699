/* Browser journeys: the production build served by the real API on an embedded database with
   demo data, driven by Debian's Chromium through playwright-core. Needs `npm run build` first. */
module.exports = {
  displayName: 'browser',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@heard/domain$': '<rootDir>/libs/domain/src/index.ts',
    // The TOTP journey computes codes with the API's own pure module, as an authenticator app would.
    '^@heard/api/(.*)$': '<rootDir>/apps/api/src/$1',
  },
  testTimeout: 120_000,
  maxWorkers: 1,
  // Node's fetch keeps idle keep-alive sockets to the stopped server open for a few seconds.
  forceExit: true,
};
