import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { IsoWeekday, TimeGranularity } from "../../src/pipelines/time-granularity";
import { ZonedCalendar } from "../../src/pipelines/zoned-calendar";
import {
  bucketLabel,
  bucketStart,
  type Granularity,
  nextBucket,
  REFERENCE_ZONES,
} from "../helpers/metric-reference";

// The calendar behind gap filling, labels and comparisons, against Luxon.

const UNITS: TimeGranularity[] = ["hour", "day", "week", "month", "quarter", "year"];
const instant = fc.integer({
  min: Date.parse("2019-01-01T00:00:00Z"),
  max: Date.parse("2031-01-01T00:00:00Z"),
});

describe("ZonedCalendar against Luxon", () => {
  it("starts, steps and labels buckets as Luxon's calendar does", () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...REFERENCE_ZONES),
        fc.constantFrom(...UNITS),
        fc.integer({ min: 1, max: 7 }),
        (ms, zone, unit, weekStart) => {
          const calendar = ZonedCalendar.of(zone);
          const b = { granularity: unit.toUpperCase() as Granularity, zone, weekStart };
          const start = calendar.startOf(new Date(ms), unit, weekStart as IsoWeekday);
          expect(start.toISOString()).toBe(bucketStart(new Date(ms), b).toISOString());
          expect(calendar.next(start, unit).toISOString()).toBe(nextBucket(start, b).toISOString());
          expect(calendar.label(start, unit, weekStart as IsoWeekday)).toBe(bucketLabel(start, b));
        },
      ),
      { numRuns: 400, seed: 17 },
    );
  });

  it("shifts by local months and days as Luxon's minus does (month ends clamped)", () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...REFERENCE_ZONES),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 40 }),
        (ms, zone, months, days) => {
          const shifted = ZonedCalendar.of(zone).shift(new Date(ms), -months, -days);
          const expected = DateTime.fromMillis(ms, { zone }).minus({ months }).minus({ days });
          expect(shifted.toISOString()).toBe(expected.toJSDate().toISOString());
        },
      ),
      { numRuns: 400, seed: 23 },
    );
  });
});
