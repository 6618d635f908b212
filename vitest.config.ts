import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(__filename);

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; the tests must share that one
    // instance or graphql throws "Cannot use GraphQLObjectType from another realm".
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one test file at a time per core keeps timings steady.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
