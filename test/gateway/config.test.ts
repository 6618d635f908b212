import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { startGateway } from "../../src/main";
import { expectConfigProblems } from "../helpers/expect-config-problems";

// Configuration is parsed before any database exists, so this file needs none.

describe("loadConfig", () => {
  it("has documented defaults", () => {
    // Access-control and protection variables: test/protections/config.test.ts.
    expect(loadConfig({})).toMatchObject({
      mongodbUri: undefined,
      mongodbDb: "jupiter",
      host: "127.0.0.1",
      port: 4000,
      logLevel: "info",
      maxPageSize: 100,
      dbMaxTimeMs: 5000,
      demoData: "auto",
    });
  });

  it("reads every variable", () => {
    expect(
      loadConfig({
        MONGODB_URI: "mongodb://db.example:27017/?replicaSet=rs0",
        MONGODB_DB: "incidents",
        HOST: "0.0.0.0",
        PORT: "8080",
        LOG_LEVEL: "debug",
        MAX_PAGE_SIZE: "250",
        DB_MAX_TIME_MS: "1500",
        DEMO_DATA: "never",
      }),
    ).toMatchObject({
      mongodbUri: "mongodb://db.example:27017/?replicaSet=rs0",
      mongodbDb: "incidents",
      host: "0.0.0.0",
      port: 8080,
      logLevel: "debug",
      maxPageSize: 250,
      dbMaxTimeMs: 1500,
      demoData: "never",
    });
  });

  it("lists every bad variable in one error, each by name", () => {
    const env = {
      MONGODB_URI: "http://not-mongo",
      MONGODB_DB: "bad/name",
      PORT: "eighty",
      LOG_LEVEL: "loud",
      MAX_PAGE_SIZE: "0",
      DB_MAX_TIME_MS: "-5",
      DEMO_DATA: "always",
    };
    const error = expectConfigProblems(env);
    // One problem a variable, in the order the variables are read.
    const variables = Object.keys(env);
    expect(error.problems).toHaveLength(variables.length);
    variables.forEach((name, index) => {
      expect(error.problems[index]).toMatch(new RegExp(`^${name} `));
      expect(error.message).toContain(error.problems[index]);
    });
    expect(error.message).toContain('got "eighty"');
    expect(error.message).toContain("fatal, error, warn, info, debug, trace, silent");
  });

  it("rejects numbers that are not whole or out of range", () => {
    for (const [name, value] of [
      ["PORT", "70000"],
      ["PORT", "1.5"],
      ["MAX_PAGE_SIZE", "1e3"],
      ["DB_MAX_TIME_MS", ""],
    ] as const) {
      if (value === "") {
        expect(loadConfig({ [name]: value }).dbMaxTimeMs).toBe(5000);
        continue;
      }
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
    }
  });

  it("the gateway refuses to start without a database URI", async () => {
    await expect(startGateway(loadConfig({}))).rejects.toThrow(/MONGODB_URI/);
  });
});
