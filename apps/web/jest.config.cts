module.exports = {
  displayName: 'web',
  // axe runs inside many component tests, and a file's first test compiles its components: on a
  // 2-core machine at a load of 12 one passed 30 s. The suite must pass on a busy machine.
  testTimeout: 120_000,
  preset: '../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/web',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // Angular's locale data (registered in app.config.ts) ships as ES modules with a .js extension.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/))'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
