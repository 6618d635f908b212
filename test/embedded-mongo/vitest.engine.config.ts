import { defineConfig } from "vitest/config";

// Runs only the engine's tests, without the project-wide globalSetup (which provisions a database
// for the gateway tests and is not needed here: these tests start their own engine).
export default defineConfig({
  test: {
    include: ["test/embedded-mongo/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
