import path from "node:path";
import { defineConfig } from "vitest/config";

// The embedded engine's unit tests need no database, so they skip the main config's global setup.
export default defineConfig({
  root: path.resolve(__dirname, "../.."),
  test: {
    include: ["test/embedded-mongo-units/**/*.test.ts"],
    maxWorkers: 2,
  },
});
