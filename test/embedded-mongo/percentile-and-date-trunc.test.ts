import fc from "fast-check";
import { MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { bucketStart, type Granularity, REFERENCE_ZONES } from "../helpers/metric-reference";
import { useTestEngine } from "./support/use-test-engine";

/**
 * A value v is a valid p-quantile of xs when at least p·n values are ≤ v and at most p·n
 * are < v: the definition every percentile method (approximate included) must meet on
 * exact data, independent of how the engine picks among valid values.
 */
function isQuantile(xs: readonly number[], p: number, v: number): boolean {
  const n = xs.length;
  const atMost = xs.filter((x) => x <= v).length;
  const below = xs.filter((x) => x < v).length;
  return xs.includes(v) && atMost >= p * n - 1e-9 && below <= p * n + 1e-9;
}

describe("$percentile and $median (mongod 7.0 syntax, method approximate)", () => {
  const e = useTestEngine("percentile");

  it("as $group accumulators: a valid quantile of each group's numeric values", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ g: fc.constantFrom("a", "b", "c"), x: fc.integer({ min: -1000, max: 1000 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        async (docs, ps) => {
          const coll = e.db.collection(`c${Math.random().toString(36).slice(2)}`);
          // A string and a missing value per group are ignored, as mongod does.
          await coll.insertMany([...docs.map((d) => ({ ...d })), { g: "a", x: "text" }, { g: "b" }]);
          const rows = await coll
            .aggregate<{ _id: string; q: number[] | null; m: number | null; n: number | null }>([
              {
                $group: {
                  _id: "$g",
                  q: { $percentile: { input: "$x", p: ps, method: "approximate" } },
                  m: { $median: { input: "$x", method: "approximate" } },
                  // An expression input, not only a field path.
                  n: {
                    $median: {
                      input: { $cond: [{ $isNumber: "$x" }, { $multiply: ["$x", -1] }, null] },
                      method: "approximate",
                    },
                  },
                },
              },
            ])
            .toArray();
          for (const row of rows) {
            const xs = docs.filter((d) => d.g === row._id).map((d) => d.x);
            if (xs.length === 0) {
              expect(row.q).toBeNull();
              expect(row.m).toBeNull();
              expect(row.n).toBeNull();
              continue;
            }
            expect(row.q).toHaveLength(ps.length);
            ps.forEach((p, i) => expect(isQuantile(xs, p, row.q![i]!), `p=${p} xs=${xs}`).toBe(true));
            expect(isQuantile(xs, 0.5, row.m!)).toBe(true);
            expect(
              isQuantile(
                xs.map((x) => -x),
                0.5,
                row.n!,
              ),
            ).toBe(true);
          }
          await coll.drop();
        },
      ),
      { numRuns: 25 },
    );
  });

  it("as expressions over an array field, numbers compared as numbers (not as strings)", async () => {
    const coll = e.db.collection("expr");
    await coll.insertOne({ xs: [10, 9, 100, 2, "x", null] });
    const [row] = await coll
      .aggregate([
        {
          $project: {
            _id: 0,
            q: { $percentile: { input: "$xs", p: [0, 0.5, 1], method: "approximate" } },
            m: { $median: { input: "$xs", method: "approximate" } },
            none: { $median: { input: [], method: "approximate" } },
          },
        },
      ])
      .toArray();
    expect(row).toEqual({ q: [2, 9, 100], m: 9, none: null });
  });

  it("refuses a missing method, another method, and p outside [0, 1]", async () => {
    const coll = e.db.collection("bad");
    await coll.insertOne({ x: 1 });
    const run = (acc: object) => coll.aggregate([{ $group: { _id: null, v: acc } }]).toArray();
    await expect(run({ $percentile: { input: "$x", p: [0.5] } })).rejects.toThrow(/method/);
    await expect(run({ $median: { input: "$x", method: "exact" } })).rejects.toThrow(/approximate/);
    await expect(run({ $percentile: { input: "$x", p: [1.5], method: "approximate" } })).rejects.toThrow(
      MongoServerError,
    );
  });
});

describe("$dateTrunc with timezone, startOfWeek and quarter", () => {
  const e = useTestEngine("datetrunc");
  const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  const units = ["day", "week", "month", "quarter", "year"] as const;

  /** Luxon's start of the unit in the zone, weeks starting on `weekday` (1 = Monday). */
  function reference(date: Date, unit: (typeof units)[number], zone: string, weekday: number): Date {
    return bucketStart(date, { granularity: unit.toUpperCase() as Granularity, zone, weekStart: weekday });
  }

  it("matches Luxon's calendar in DST and half- and quarter-hour offset zones", async () => {
    const coll = e.db.collection("ts");
    await fc.assert(
      fc.asyncProperty(
        fc.date({
          min: new Date("2019-01-01T00:00:00Z"),
          max: new Date("2031-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...REFERENCE_ZONES),
        fc.constantFrom(...units),
        fc.integer({ min: 1, max: 7 }),
        async (date, zone, unit, weekday) => {
          await coll.deleteMany({});
          await coll.insertOne({ d: date });
          const [row] = await coll
            .aggregate<{ t: Date }>([
              {
                $project: {
                  t: { $dateTrunc: { date: "$d", unit, timezone: zone, startOfWeek: weekdays[weekday - 1] } },
                },
              },
            ])
            .toArray();
          expect(row!.t.toISOString(), `${date.toISOString()} ${unit} ${zone} ${weekday}`).toBe(
            reference(date, unit, zone, weekday).toISOString(),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
