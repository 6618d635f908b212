import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ROLLUP_TIERS } from "../../src/db/rollup-tiers";
import { decomposeInterval } from "../../src/repositories/rollup-pieces";
import { startOfUtcUnit } from "./support/rollup-documents-reference";

// The signed pieces of an interval, checked quarter hour by quarter hour with Luxon's UTC
// calendar (not the tiers' own arithmetic): every quarter hour of the interval is counted
// exactly once (or read raw when dirty), every other one zero times; no piece is a unit
// that ends after the watermark or holds a dirty quarter hour.

const QUARTER = 900_000;
const LUXON_UNIT = {
  quarter: null,
  hour: "hour",
  six_hours: "six hours",
  day: "day",
  month: "month",
} as const;
const BASE = Date.parse("2026-01-01T00:00:00Z");

/** [start, end) of a unit of the tier, by Luxon. */
function unitOf(tier: number, start: number): [number, number] {
  const unit = LUXON_UNIT[ROLLUP_TIERS[tier]!.name];
  if (!unit) return [start, start + QUARTER];
  const at = DateTime.fromMillis(start, { zone: "utc" });
  if (startOfUtcUnit(at, unit).toMillis() !== start)
    throw new Error(`${unit} piece ${at.toISO()} is not a unit start`);
  return [
    start,
    unit === "six hours" ? at.plus({ hours: 6 }).toMillis() : at.plus({ [`${unit}s`]: 1 }).toMillis(),
  ];
}

const intervals = fc
  .record({
    from: fc.integer({ min: 0, max: 120 * 96 }),
    quarters: fc.integer({ min: 1, max: 100 * 96 }),
    watermarkAfter: fc.integer({ min: 0, max: 40 * 96 }),
    dirty: fc.array(fc.integer({ min: 0, max: 260 * 96 }), { maxLength: 6 }),
  })
  .map(({ from, quarters, watermarkAfter, dirty }) => ({
    from: BASE + from * QUARTER,
    to: BASE + (from + quarters) * QUARTER,
    watermark: BASE + (from + quarters + watermarkAfter) * QUARTER,
    dirty: [...new Set(dirty.map((q) => BASE + q * QUARTER))].sort((a, b) => a - b),
  }));

describe("signed rollup pieces", () => {
  it("count every quarter hour of the interval once, and nothing else, from readable units only", () => {
    fc.assert(
      fc.property(intervals, ({ from, to, watermark, dirty }) => {
        const { pieces, raw } = decomposeInterval(from, to, { tiers: ROLLUP_TIERS, watermark, dirty });
        const counted = new Map<number, number>();
        const unreadable: string[] = [];
        for (const piece of pieces) {
          const [start, end] = unitOf(piece.tier, piece.start);
          if (end > watermark || dirty.some((q) => q >= start && q < end))
            unreadable.push(new Date(start).toISOString());
          for (let q = start; q < end; q += QUARTER) counted.set(q, (counted.get(q) ?? 0) + piece.sign);
        }
        for (const q of raw) counted.set(q, (counted.get(q) ?? 0) + 1);
        const wrong: string[] = [];
        for (const [q, n] of counted) {
          if (n !== (q >= from && q < to ? 1 : 0)) wrong.push(`${new Date(q).toISOString()}: ${n}`);
        }
        for (let q = from; q < to; q += QUARTER) {
          if (!counted.has(q)) wrong.push(`${new Date(q).toISOString()}: missing`);
        }
        expect(unreadable).toEqual([]);
        expect(wrong).toEqual([]);
        expect(raw.every((q) => dirty.includes(q))).toBe(true);
      }),
      { numRuns: 200, seed: 1313 },
    );
  });

  it("a Europe/Berlin day is its UTC day, plus and minus the hours between the midnights", () => {
    const from = Date.parse("2026-03-09T23:00:00Z");
    const to = Date.parse("2026-03-10T23:00:00Z");
    const { pieces, raw } = decomposeInterval(from, to, {
      tiers: ROLLUP_TIERS,
      watermark: Date.parse("2026-04-01T00:00:00Z"),
      dirty: [],
    });
    expect(raw).toEqual([]);
    expect(
      pieces
        .map(
          (piece) => `${ROLLUP_TIERS[piece.tier]!.name} ${new Date(piece.start).toISOString()} ${piece.sign}`,
        )
        .sort(),
    ).toEqual([
      "day 2026-03-10T00:00:00.000Z 1",
      "hour 2026-03-09T23:00:00.000Z 1",
      "hour 2026-03-10T23:00:00.000Z -1",
    ]);
  });

  it("thirty Berlin days take thirty days and at most two hours per boundary, not 2,880 quarter hours", () => {
    let from = DateTime.fromISO("2026-03-01T00:00", { zone: "Europe/Berlin" });
    let total = 0;
    for (let day = 0; day < 30; day++) {
      const to = from.plus({ days: 1 });
      const { pieces } = decomposeInterval(from.toMillis(), to.toMillis(), {
        tiers: ROLLUP_TIERS,
        watermark: Date.parse("2026-05-01T00:00:00Z"),
        dirty: [],
      });
      expect(pieces.length).toBeLessThanOrEqual(5);
      total += pieces.length;
      from = to;
    }
    // A day and an hour at each end, and a few more across the spring DST change.
    expect(total).toBeLessThanOrEqual(30 * 3 + 6);
  });
});
