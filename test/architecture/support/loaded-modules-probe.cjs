// Preloaded with `node --require` by layer-imports.test.ts: when the process exits, writes
// the path of every CommonJS module it loaded (tsx compiles the TypeScript sources to
// CommonJS, so they are all in require.cache) to the file JUPITER_LOADED_MODULES_FILE names.
/* global require, process */
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload script
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  writeFileSync(process.env.JUPITER_LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
