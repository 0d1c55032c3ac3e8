module.exports = require('../../jest.preset.js').pure(__dirname);
