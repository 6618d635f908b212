import type { CommandStartedEvent } from "mongodb";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { loadConfig } from "../../src/config";
import { ManualClock } from "../helpers/manual-clock";
import { useTestDatabase } from "../helpers/use-test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";

// Two gateway copies over one database refresh at the same moment: one holds the lease and
// refreshes, the other skips without touching the rollup. Counted with command monitoring.

const NOW = Date.parse("2026-04-10T09:07:00Z");
const database = useTestDatabase("rollup_lease");
let first: TestGateway;
let second: TestGateway;
let releaseFirst: () => void = () => undefined;
let firstHoldsLease: () => void = () => undefined;
const gate = { hold: false };

/** The $merge aggregations a gateway sent: its rollup recomputations. */
const merges = (commands: CommandStartedEvent[]) =>
  commands.filter(
    (event) =>
      event.commandName === "aggregate" &&
      (event.command.pipeline as Record<string, unknown>[]).some((stage) => "$merge" in stage),
  ).length;

beforeAll(async () => {
  await database.db.collection<AlertDocument>(COLLECTIONS.alerts).insertMany(
    Array.from({ length: 50 }, (_, i) => ({
      _id: new ObjectId(),
      type: "cpu",
      source: "grafana",
      severity: "high" as AlertDocument["severity"],
      message: "",
      timestamp: new Date(NOW - i * 3_600_000),
      case_id: null,
      resolved: i % 2 === 0,
      resolution: null,
    })),
  );
  const defaults = loadConfig({});
  const rollups = { ...defaults.rollups, enabled: true };
  first = await startTestGateway(database, {
    rollups: {
      ...rollups,
      clock: new ManualClock(NOW),
      afterLease: async () => {
        if (!gate.hold) return;
        firstHoldsLease();
        await new Promise<void>((resolve) => (releaseFirst = resolve));
      },
    },
  });
  second = await startTestGateway(database, { rollups: { ...rollups, clock: new ManualClock(NOW) } });
});

afterAll(async () => {
  releaseFirst();
  await first?.stop();
  await second?.stop();
});

describe("the rollup lease", () => {
  it("while one copy refreshes, the other's refresh skips and recomputes nothing", async () => {
    gate.hold = true;
    const holding = new Promise<void>((resolve) => (firstHoldsLease = resolve));
    first.resetCommands();
    second.resetCommands();
    const firstRun = first.gateway.rollups!.refreshNow();
    await holding;
    const secondRun = await second.gateway.rollups!.refreshNow();
    expect(secondRun?.refreshed).toBe(false);
    expect(secondRun?.heldBy).toBeDefined();
    expect(merges(second.commands)).toBe(0);

    releaseFirst();
    const firstResult = await firstRun;
    expect(firstResult?.refreshed).toBe(true);
    expect(merges(first.commands)).toBeGreaterThan(0);
    const counted = await database.db
      .collection("alert_rollups")
      .aggregate<{ n: number }>([{ $group: { _id: null, n: { $sum: "$count" } } }])
      .toArray();
    // Every alert raised before the watermark (09:00): all but the one at 09:07.
    expect(counted[0]!.n).toBe(49);
    // Released: the lease document is gone, so the next period's refresh may run anywhere.
    expect(await database.db.collection("migration_locks").countDocuments({ name: "rollups" })).toBe(0);
  });

  it("once the lease is free, the other copy refreshes", async () => {
    gate.hold = false;
    second.resetCommands();
    const result = await second.gateway.rollups!.refreshNow();
    expect(result?.refreshed).toBe(true);
    expect(merges(second.commands)).toBeGreaterThan(0);
  });
});
