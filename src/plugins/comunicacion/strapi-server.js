'use strict';

// The app's TypeScript build compiles this plugin's server with the rest of src/ into dist/.
module.exports = require('../../../dist/src/plugins/comunicacion/server/src').default;
