module.exports = {
  ...require('../../jest.preset.js').pure(__dirname, { measureCoverage: true }),
  collectCoverage: true,
  coverageProvider: 'v8',
  coverageThreshold: { global: { lines: 95 } },
};
