// Shared jest configuration: every project's jest.config.js builds on one of these.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

// Workspace packages resolve to their sources, as in tsconfig.base.json's paths.
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [
    `^${name}$`,
    path.join(__dirname, target),
  ]),
);

function base(projectDir) {
  const name = path.relative(__dirname, projectDir);
  return {
    displayName: name,
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/src/**/*.e2e-spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
    transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
    moduleNameMapper,
    // Only projects that promise a coverage figure report one (see the root jest.config.js).
    coveragePathIgnorePatterns: ['.*'],
  };
}

/** Pure projects: no database, no broker. `measureCoverage` puts their sources in the coverage report. */
exports.pure = (projectDir, { measureCoverage = false } = {}) => ({
  ...base(projectDir),
  ...(measureCoverage && {
    coveragePathIgnorePatterns: ['/node_modules/', '\\.spec\\.ts$', '/index\\.ts$'],
    collectCoverageFrom: ['<rootDir>/src/**/*.ts'],
  }),
});

/**
 * Projects with integration tests: a global set-up checks PostgreSQL and starts the
 * Kafka test broker once per jest run (shared by every project of the run).
 */
exports.withInfrastructure = (projectDir) => ({
  ...base(projectDir),
  globalSetup: path.join(__dirname, 'tools/testing/src/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'tools/testing/src/global-teardown.ts'),
  testTimeout: 60_000,
});
