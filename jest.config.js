/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};

module.exports = {
  // Two cores: one Strapi instance per worker keeps the machine responsive.
  maxWorkers: process.env.JEST_MAX_WORKERS || 2,
  // A worker keeps some of every test file's instance it ran; past this heap it is replaced
  // before its next file instead of running out of memory late in a long run.
  workerIdleMemoryLimit: '2GB',
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/__tests__/**/*.test.ts',
        '<rootDir>/scripts/__tests__/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
      globalTeardown: '<rootDir>/tests/harness/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/harness/setup-env.ts'],
      slowTestThreshold: 60,
    },
    {
      // The admin panel driven in Debian's Chromium (tests/browser/harness.ts).
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
      globalTeardown: '<rootDir>/tests/harness/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/harness/setup-env.ts'],
      slowTestThreshold: 90,
    },
  ],
};
