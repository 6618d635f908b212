#!/usr/bin/env node
// The `jupiter` command. TypeScript sources run through tsx, so no build step
// stands between a fresh clone and a running program.
require("reflect-metadata");
require("tsx/cjs");
require("../src/cli/main.ts");
