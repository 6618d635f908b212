#!/usr/bin/env node
// The `jupiter` command. TypeScript sources run through tsx, so no build step
// stands between a fresh clone and a running program. tsx is pointed at the
// package's own tsconfig.json (decorators), wherever the command is run from.
// src/cli/main.ts only exports main(): this file calls it, whatever path (npx,
// node_modules/.bin/jupiter, a global install) started the process.
const { join } = require("node:path");

process.env.TSX_TSCONFIG_PATH = join(__dirname, "..", "tsconfig.json");
require("reflect-metadata");
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv)
  .then((code) => {
    if (code !== 0) process.exit(code);
  });
