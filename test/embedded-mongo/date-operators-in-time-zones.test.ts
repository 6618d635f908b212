import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("date operators in time zones", () => {
  const engine = useTestEngine("dates");

  it("$dateTrunc hour in a timezone bins absolute hours (DST fall-back keeps two bins)", async () => {
    const c = engine.db.collection<AnyDoc>("d");
    await c.insertMany([
      { _id: 1, d: new Date("2026-10-25T00:30:00Z") },
      { _id: 2, d: new Date("2026-10-25T01:30:00Z") },
      { _id: 3, d: new Date("2026-01-15T10:10:00Z") },
    ]);
    const out = await c
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $project: {
            berlin: { $dateTrunc: { date: "$d", unit: "hour", timezone: "Europe/Berlin" } },
            kolkata: { $dateTrunc: { date: "$d", unit: "hour", timezone: "Asia/Kolkata" } },
          },
        },
      ])
      .toArray();
    expect(out[0].berlin).toEqual(new Date("2026-10-25T00:00:00Z"));
    expect(out[1].berlin).toEqual(new Date("2026-10-25T01:00:00Z"));
    expect(out[2].kolkata).toEqual(new Date("2026-01-15T09:30:00Z"));
  });

  it("$dateToString accepts UTC and Etc/GMT+5", async () => {
    const c = engine.db.collection<AnyDoc>("d");
    await c.insertOne({ d: new Date("2026-01-15T02:00:00Z") });
    const [row] = await c
      .aggregate([
        {
          $project: {
            utc: { $dateToString: { date: "$d", format: "%Y-%m-%d %H", timezone: "UTC" } },
            gmt5: { $dateToString: { date: "$d", format: "%Y-%m-%d %H", timezone: "Etc/GMT+5" } },
          },
        },
      ])
      .toArray();
    expect(row.utc).toBe("2026-01-15 02");
    expect(row.gmt5).toBe("2026-01-14 21");
  });
});
