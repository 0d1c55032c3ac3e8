module.exports = require('../../jest.preset.js').withInfrastructure(__dirname);
