import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../src/errors/gateway-error";
import { resolveTimeZone } from "../../src/pipelines/resolve-time-zone";
import type { TrendGranularity } from "../../src/pipelines/time-granularity";
import { resolveTrendWindow } from "../../src/pipelines/trend-window";
import { ZonedCalendar } from "../../src/pipelines/zoned-calendar";
import { utcDays } from "../helpers/utc-days";
import { byName } from "../helpers/by-name";

// Hand-written instants: each is local midnight (or hour start) of the zone on that date,
// e.g. 2026-03-28T23:00Z is 00:00 CET on Sunday 29 March in Berlin.

function series(zone: string, unit: TrendGranularity, from: string, count: number): string[] {
  const calendar = new ZonedCalendar(zone);
  const starts: string[] = [];
  for (let bucket = calendar.startOf(new Date(from), unit); starts.length < count;) {
    starts.push(`${bucket.toISOString()} ${calendar.localDate(bucket)}`);
    bucket = calendar.next(bucket, unit);
  }
  return starts;
}

/** Walks of the calendar, one test each: from an instant, the starts of the buckets that follow. */
const WALKS: {
  name: string;
  walks: { zone: string; unit: TrendGranularity; from: string; starts: string[] }[];
}[] = [
  {
    name: "walks Europe/Berlin days across both DST changes (23 and 25 hours)",
    walks: [
      {
        zone: "Europe/Berlin",
        unit: "day",
        from: "2026-03-28T12:00:00Z",
        starts: [
          "2026-03-27T23:00:00.000Z 2026-03-28",
          "2026-03-28T23:00:00.000Z 2026-03-29",
          "2026-03-29T22:00:00.000Z 2026-03-30",
        ],
      },
      {
        zone: "Europe/Berlin",
        unit: "day",
        from: "2026-10-25T12:00:00Z",
        starts: ["2026-10-24T22:00:00.000Z 2026-10-25", "2026-10-25T23:00:00.000Z 2026-10-26"],
      },
    ],
  },
  {
    name: "starts weeks on Monday local midnight and months on the 1st",
    walks: [
      {
        zone: "Europe/Berlin",
        unit: "week",
        from: "2026-03-29T21:30:00Z",
        starts: ["2026-03-22T23:00:00.000Z 2026-03-23", "2026-03-29T22:00:00.000Z 2026-03-30"],
      },
      {
        zone: "Europe/Berlin",
        unit: "month",
        from: "2026-03-15T12:00:00Z",
        starts: ["2026-02-28T23:00:00.000Z 2026-03-01", "2026-03-31T22:00:00.000Z 2026-04-01"],
      },
      {
        zone: "America/New_York",
        unit: "week",
        from: "2026-11-04T12:00:00Z",
        starts: ["2026-11-02T05:00:00.000Z 2026-11-02"],
      },
    ],
  },
  {
    name: "keeps hours 60 minutes long, aligned to the zone (Asia/Kolkata at :30 UTC)",
    walks: [
      {
        zone: "Asia/Kolkata",
        unit: "hour",
        from: "2026-01-15T10:10:00Z",
        starts: ["2026-01-15T09:30:00.000Z 2026-01-15", "2026-01-15T10:30:00.000Z 2026-01-15"],
      },
      {
        zone: "Asia/Kolkata",
        unit: "day",
        from: "2026-01-15T19:00:00Z",
        starts: ["2026-01-15T18:30:00.000Z 2026-01-16"],
      },
      // Berlin's repeated 02:00 hour is two buckets.
      {
        zone: "Europe/Berlin",
        unit: "hour",
        from: "2026-10-24T23:59:00Z",
        starts: [
          "2026-10-24T23:00:00.000Z 2026-10-25",
          "2026-10-25T00:00:00.000Z 2026-10-25",
          "2026-10-25T01:00:00.000Z 2026-10-25",
        ],
      },
    ],
  },
  {
    name: "starts a day whose midnight DST skips at its first instant (America/Santiago, 6 September 2026)",
    walks: [
      {
        zone: "America/Santiago",
        unit: "day",
        from: "2026-09-05T12:00:00Z",
        starts: [
          "2026-09-05T04:00:00.000Z 2026-09-05",
          "2026-09-06T04:00:00.000Z 2026-09-06", // 01:00 -03, clocks went from 00:00 -04 to 01:00 -03
          "2026-09-07T03:00:00.000Z 2026-09-07",
        ],
      },
    ],
  },
];

describe("ZonedCalendar", () => {
  it.each(byName(WALKS))("%s", (_name, { walks }) => {
    for (const { zone, unit, from, starts } of walks) {
      expect(series(zone, unit, from, starts.length)).toEqual(starts);
    }
  });
});

describe("resolveTimeZone", () => {
  it("returns the canonical spelling MongoDB knows", () => {
    expect(resolveTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(resolveTimeZone("Etc/UTC")).toBe("UTC");
  });

  it("rejects unknown zones as BadUserInputError naming the argument", () => {
    expect(() => resolveTimeZone("Nowhere/Special")).toThrow(BadUserInputError);
    expect(() => resolveTimeZone("")).toThrow(/timezone/);
  });
});

describe("resolveTrendWindow", () => {
  const calendar = new ZonedCalendar("UTC");
  const now = new Date("2026-05-10T12:00:00Z");

  it("defaults to the 7 days before now and lists the buckets that overlap [from, to)", () => {
    const window = resolveTrendWindow({ now, granularity: "day", calendar, maxBuckets: 100 });
    expect(window.from.toISOString()).toBe("2026-05-03T12:00:00.000Z");
    expect(window.to).toEqual(now);
    expect(window.buckets.map((bucket) => bucket.toISOString().slice(0, 10))).toEqual(
      utcDays("2026-05-03", 8),
    );
    // A window ending on a bucket start does not include that bucket.
    const aligned = resolveTrendWindow({
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-05-03T00:00:00Z"),
      now,
      granularity: "day",
      calendar,
      maxBuckets: 100,
    });
    expect(aligned.buckets).toHaveLength(2);
  });

  it("rejects from > to, invalid dates and too many buckets", () => {
    const base = { now, granularity: "hour" as const, calendar, maxBuckets: 24 };
    expect(() =>
      resolveTrendWindow({ ...base, from: new Date("2026-05-02"), to: new Date("2026-05-01") }),
    ).toThrow(/^from/);
    expect(() => resolveTrendWindow({ ...base, from: new Date("nonsense") })).toThrow(/^from/);
    expect(
      resolveTrendWindow({
        ...base,
        from: new Date("2026-05-01T00:00:00Z"),
        to: new Date("2026-05-02T00:00:00Z"),
      }).buckets,
    ).toHaveLength(24);
    expect(() =>
      resolveTrendWindow({
        ...base,
        from: new Date("2026-05-01T00:00:00Z"),
        to: new Date("2026-05-02T00:30:00Z"),
      }),
    ).toThrow(/more than 24 hour buckets/);
  });
});
