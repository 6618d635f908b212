import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { useTestDatabase } from "../helpers/use-test-database";
import { startTestGateway } from "../helpers/test-gateway";

const database = useTestDatabase("analytics-read-pref");

describe("ANALYTICS_READ_PREFERENCE", () => {
  it("analytics aggregations carry the read preference and staleness bound; case reads stay on the primary", async () => {
    const faults = loadConfig({
      ANALYTICS_READ_PREFERENCE: "secondaryPreferred",
      ANALYTICS_MAX_STALENESS_SECONDS: "90",
    }).faults;
    const gateway = await startTestGateway(database, { faults });
    try {
      gateway.resetCommands();
      const answer = await gateway.graphql(`{ caseStatistics { count } cases(first: 1) { totalCount } }`);
      expect(answer.errors).toBeUndefined();
      const aggregate = gateway.commands.find(
        (c) => c.commandName === "aggregate" && c.command.aggregate === "cases" && c.command.cursor,
      );
      expect(aggregate?.command.$readPreference).toEqual({
        mode: "secondaryPreferred",
        maxStalenessSeconds: 90,
      });
      const find = gateway.commands.find((c) => c.commandName === "find");
      expect(find?.command.$readPreference?.mode ?? "primary").toBe("primary");
    } finally {
      await gateway.stop();
    }
  });

  it("is validated with the other variables", () => {
    expect(loadConfig({}).faults.analyticsReadPreference).toBe("primary");
    expect(() =>
      loadConfig({
        ANALYTICS_READ_PREFERENCE: "sideways",
        ANALYTICS_MAX_STALENESS_SECONDS: "30",
        MAX_IN_FLIGHT_REQUESTS: "0",
        DB_UNAVAILABLE_TIMEOUT_MS: "soon",
        RATE_LIMIT_STORE: "redis",
      }),
    ).toThrow(
      /5 problems[\s\S]*DB_UNAVAILABLE_TIMEOUT_MS[\s\S]*MAX_IN_FLIGHT_REQUESTS[\s\S]*ANALYTICS_READ_PREFERENCE[\s\S]*RATE_LIMIT_STORE[\s\S]*ANALYTICS_MAX_STALENESS_SECONDS/,
    );
  });
});
