// `npm test`: every project in one run, one summary.
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/services/*', '<rootDir>/tools/*'],
  reporters: ['default', '<rootDir>/tools/testing/summary-reporter.js'],
};
