module.exports = require('../../jest.preset.js').pure(__dirname, { measureCoverage: true });
