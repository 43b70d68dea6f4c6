'use strict';

// The CommonJS entry point: `require('openai')` gives the client class itself, as the official
// SDK's does; the package's other exports are properties of it (`require('openai').OpenAIError`).
const sdk = require('./dist/cjs/index.js');

const Client = sdk.default;
for (const name of Object.keys(sdk)) {
  if (!Object.prototype.hasOwnProperty.call(Client, name)) {
    Object.defineProperty(Client, name, { enumerable: true, get: () => sdk[name] });
  }
}
Object.defineProperty(Client, '__esModule', { value: true });

module.exports = Client;
