import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { ConfigError } from "../../src/errors/config-error";
import { useTestGateway } from "../helpers/use-test-gateway";

// ROLLUPS, ROLLUP_REFRESH_SECONDS and ROLLUP_LOOKBACK: safe defaults, every problem reported
// together with the others, and ROLLUPS=off answering live without touching the rollup.

describe("rollup configuration", () => {
  it("defaults: on, every 30 s, 48 h lookback", () => {
    const { rollups } = loadConfig({});
    expect(rollups).toEqual({ enabled: true, refreshSeconds: 30, lookbackMs: 48 * 3_600_000 });
  });

  it("reads ROLLUPS=off, the period and a lookback in the duration syntax", () => {
    const { rollups } = loadConfig({ ROLLUPS: "OFF", ROLLUP_REFRESH_SECONDS: "120", ROLLUP_LOOKBACK: "3d" });
    expect(rollups).toEqual({ enabled: false, refreshSeconds: 120, lookbackMs: 3 * 86_400_000 });
  });

  it("reports every bad value at once, with the other variables' problems", () => {
    let error: unknown;
    try {
      loadConfig({ ROLLUPS: "maybe", ROLLUP_REFRESH_SECONDS: "0", ROLLUP_LOOKBACK: "soon", PORT: "x" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ["ROLLUPS", "ROLLUP_REFRESH_SECONDS", "ROLLUP_LOOKBACK", "PORT"]) {
      expect(message).toContain(name);
    }
    expect(() => loadConfig({ ROLLUP_LOOKBACK: "5m" })).toThrow(/ROLLUP_LOOKBACK must be from 15m/);
  });
});

describe("ROLLUPS=off", () => {
  const { gateway } = useTestGateway("rollups_off", {
    gateway: { rollups: { ...loadConfig({}).rollups, enabled: false } },
  });

  it("answers LIVE, and no command names a rollup collection", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(`{ alertMetrics(groupBy: [SEVERITY]) { source rows { count } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.alertMetrics.source).toBe("LIVE");
    const named = gateway.commands.map((event) => String(event.command[event.commandName]));
    expect(named.filter((name) => name.includes("rollup"))).toEqual([]);
    expect(gateway.gateway.rollups).toBeUndefined();
  });
});
