// `npm test`: every project in one run, one summary. Coverage is reported for the projects
// that measure it (packages/domain promises at least 95 % of lines).
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/services/*', '<rootDir>/apps/*', '<rootDir>/tools/*'],
  reporters: ['default', '<rootDir>/tools/testing/summary-reporter.js'],
  collectCoverage: true,
  coverageProvider: 'v8',
  coverageReporters: ['text-summary'],
  coverageThreshold: { global: { lines: 95 } },
  maxWorkers: 3,
  // Global in a multi-project run (a project's own testTimeout applies only when it runs alone).
  testTimeout: 60_000,
};
