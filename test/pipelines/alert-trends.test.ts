import { ObjectId } from "mongodb";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Severity } from "../../src/domain/severity.enum";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { ErrorCode } from "../../src/errors/error-code";
import { BadUserInputError } from "../../src/errors/gateway-error";
import { alertTrendsPipeline } from "../../src/pipelines/alert-trends.pipeline";
import { AnalyticsRepository, type AlertTrendsQuery } from "../../src/repositories/analytics.repository";
import { useTestDatabase } from "../helpers/use-test-database";
import { utcDays } from "../helpers/utc-days";
import { byName } from "../helpers/by-name";

// Every expected bucket below is a hand-written instant (local midnight etc. worked out
// from the zone's offset on that date), never computed by the code under test.

describe("alertTrendsPipeline (stages)", () => {
  const from = new Date("2026-03-01T00:00:00Z");
  const to = new Date("2026-03-08T00:00:00Z");

  it("starts with a $match on the timestamp range alone, so the timestamp index serves it", () => {
    const [first] = alertTrendsPipeline({ from, to, granularity: "day", timezone: "UTC" });
    expect(first).toEqual({ $match: { timestamp: { $gte: from, $lt: to } } });
  });

  it("adds the types to that first $match; an empty list matches nothing", () => {
    const [first] = alertTrendsPipeline({
      from,
      to,
      granularity: "day",
      timezone: "UTC",
      types: ["cpu", "disk"],
    });
    expect(first).toEqual({ $match: { timestamp: { $gte: from, $lt: to }, type: { $in: ["cpu", "disk"] } } });
    expect(alertTrendsPipeline({ from, to, granularity: "day", timezone: "UTC", types: [] })[0]).toEqual({
      $match: { timestamp: { $gte: from, $lt: to }, type: { $in: [] } },
    });
  });

  it("buckets with $dateTrunc in the zone, weeks starting on Monday", () => {
    const day = alertTrendsPipeline({ from, to, granularity: "day", timezone: "Europe/Berlin" })[1]!;
    expect(day.$group._id.bucket).toEqual({
      $dateTrunc: { date: "$timestamp", unit: "day", timezone: "Europe/Berlin" },
    });
    const week = alertTrendsPipeline({ from, to, granularity: "week", timezone: "Europe/Berlin" })[1]!;
    expect(week.$group._id.bucket).toEqual({
      $dateTrunc: { date: "$timestamp", unit: "week", timezone: "Europe/Berlin", startOfWeek: "monday" },
    });
    expect(week.$group._id.type).toBe("$type");
  });

  it("formats the date in the zone and orders by bucket, then type", () => {
    const stages = alertTrendsPipeline({ from, to, granularity: "day", timezone: "Asia/Calcutta" });
    expect(stages[2]!.$project.date).toEqual({
      $dateToString: { date: "$_id.bucket", format: "%Y-%m-%d", timezone: "Asia/Calcutta" },
    });
    expect(stages.at(-1)).toEqual({ $sort: { bucket: 1, type: 1 } });
  });
});

/** The same alert in a query's window, one scenario a test: alerts stored, then each ask's rows as lines. */
interface TrendScenario {
  name: string;
  alerts: [timestamp: string, type: string][];
  asks: (Omit<Partial<AlertTrendsQuery>, "from" | "to"> &
    Pick<AlertTrendsQuery, "timezone"> & { from: string; to: string; lines: string[] })[];
}

// Expected rows are `bucket date type count`.
const SCENARIOS: TrendScenario[] = [
  {
    name: "buckets by UTC day",
    alerts: [
      ["2026-01-14T23:30:00Z", "cpu"],
      ["2026-01-15T00:30:00Z", "cpu"],
      ["2026-01-15T12:00:00Z", "disk"],
      ["2026-01-15T23:59:59.999Z", "cpu"],
    ],
    asks: [
      {
        timezone: "UTC",
        from: "2026-01-14T00:00:00Z",
        to: "2026-01-17T00:00:00Z",
        lines: [
          "2026-01-14T00:00:00.000Z 2026-01-14 cpu 1",
          "2026-01-15T00:00:00.000Z 2026-01-15 cpu 2",
          "2026-01-15T00:00:00.000Z 2026-01-15 disk 1",
        ],
      },
    ],
  },
  {
    name: "splits alerts at local midnight in America/New_York (UTC-5 in January)",
    // 23:30 and 00:30 local: one UTC day, two New York days.
    alerts: [
      ["2026-01-15T04:30:00Z", "cpu"],
      ["2026-01-15T05:30:00Z", "cpu"],
    ],
    asks: [
      {
        timezone: "America/New_York",
        from: "2026-01-13T00:00:00Z",
        to: "2026-01-17T00:00:00Z",
        lines: ["2026-01-14T05:00:00.000Z 2026-01-14 cpu 1", "2026-01-15T05:00:00.000Z 2026-01-15 cpu 1"],
      },
      {
        timezone: "UTC",
        from: "2026-01-13T00:00:00Z",
        to: "2026-01-17T00:00:00Z",
        lines: ["2026-01-15T00:00:00.000Z 2026-01-15 cpu 2"],
      },
    ],
  },
  {
    name: "follows Asia/Kolkata's half-hour offset for days and hours",
    // 23:30 and 00:30 IST (UTC+5:30).
    alerts: [
      ["2026-01-15T18:00:00Z", "auth"],
      ["2026-01-15T19:00:00Z", "auth"],
    ],
    asks: [
      {
        timezone: "Asia/Kolkata",
        from: "2026-01-15T00:00:00Z",
        to: "2026-01-16T12:00:00Z",
        lines: ["2026-01-14T18:30:00.000Z 2026-01-15 auth 1", "2026-01-15T18:30:00.000Z 2026-01-16 auth 1"],
      },
      // Local hours start at :30 UTC.
      {
        timezone: "Asia/Kolkata",
        granularity: "hour",
        fillGaps: true,
        from: "2026-01-15T17:30:00Z",
        to: "2026-01-15T19:30:00Z",
        lines: ["2026-01-15T17:30:00.000Z 2026-01-15 auth 1", "2026-01-15T18:30:00.000Z 2026-01-16 auth 1"],
      },
    ],
  },
  {
    name: "keeps days at local midnight across the spring DST change in Europe/Berlin (a 23-hour day)",
    alerts: [
      ["2026-03-28T22:59:00Z", "cpu"], // Sat 23:59 CET
      ["2026-03-28T23:00:00Z", "cpu"], // Sun 00:00 CET
      ["2026-03-29T21:30:00Z", "cpu"], // Sun 23:30 CEST
      ["2026-03-29T22:30:00Z", "cpu"], // Mon 00:30 CEST
    ],
    asks: [
      {
        timezone: "Europe/Berlin",
        fillGaps: true,
        from: "2026-03-27T23:00:00Z",
        to: "2026-03-31T22:00:00Z",
        lines: [
          "2026-03-27T23:00:00.000Z 2026-03-28 cpu 1",
          "2026-03-28T23:00:00.000Z 2026-03-29 cpu 2",
          "2026-03-29T22:00:00.000Z 2026-03-30 cpu 1",
          "2026-03-30T22:00:00.000Z 2026-03-31 cpu 0",
        ],
      },
    ],
  },
  {
    name: "keeps days at local midnight across the autumn DST change in Europe/Berlin (a 25-hour day)",
    alerts: [
      ["2026-10-24T22:00:00Z", "memory"], // Sun 00:00 CEST
      ["2026-10-25T00:30:00Z", "memory"], // Sun 02:30 CEST
      ["2026-10-25T01:30:00Z", "memory"], // Sun 02:30 CET, the repeated hour
      ["2026-10-25T22:30:00Z", "memory"], // Sun 23:30 CET
      ["2026-10-25T23:30:00Z", "memory"], // Mon 00:30 CET
    ],
    asks: [
      {
        timezone: "Europe/Berlin",
        fillGaps: true,
        from: "2026-10-23T22:00:00Z",
        to: "2026-10-26T23:00:00Z",
        lines: [
          "2026-10-23T22:00:00.000Z 2026-10-24 memory 0",
          "2026-10-24T22:00:00.000Z 2026-10-25 memory 4",
          "2026-10-25T23:00:00.000Z 2026-10-26 memory 1",
        ],
      },
      // Hourly, the repeated 02:00 hour is two buckets of the same local date.
      {
        timezone: "Europe/Berlin",
        granularity: "hour",
        from: "2026-10-25T00:00:00Z",
        to: "2026-10-25T02:00:00Z",
        lines: [
          "2026-10-25T00:00:00.000Z 2026-10-25 memory 1",
          "2026-10-25T01:00:00.000Z 2026-10-25 memory 1",
        ],
      },
    ],
  },
  {
    name: "starts weeks on Monday local midnight, across DST changes",
    alerts: [
      ["2026-03-23T10:00:00Z", "disk"], // Mon 23 March, CET
      ["2026-03-29T21:30:00Z", "disk"], // Sun 29 March 23:30 CEST: still that week
      ["2026-03-29T22:30:00Z", "disk"], // Mon 30 March 00:30 CEST: the next week
      ["2026-10-25T22:30:00Z", "disk"], // Sun 25 October 23:30 CET
      ["2026-10-25T23:30:00Z", "disk"], // Mon 26 October 00:30 CET
    ],
    asks: [
      {
        timezone: "Europe/Berlin",
        granularity: "week",
        from: "2026-03-22T23:00:00Z",
        to: "2026-04-05T22:00:00Z",
        lines: ["2026-03-22T23:00:00.000Z 2026-03-23 disk 2", "2026-03-29T22:00:00.000Z 2026-03-30 disk 1"],
      },
      {
        timezone: "Europe/Berlin",
        granularity: "week",
        fillGaps: true,
        from: "2026-10-18T22:00:00Z",
        to: "2026-11-01T23:00:00Z",
        lines: ["2026-10-18T22:00:00.000Z 2026-10-19 disk 1", "2026-10-25T23:00:00.000Z 2026-10-26 disk 1"],
      },
    ],
  },
  {
    name: "buckets by local month, zero-filling empty months",
    alerts: [
      ["2026-02-01T04:59:00Z", "network"], // 31 January 23:59 EST
      ["2026-02-01T05:00:00Z", "network"], // 1 February 00:00 EST
      ["2026-04-01T03:59:00Z", "network"], // 31 March 23:59 EDT
      ["2026-04-01T04:00:00Z", "latency"], // 1 April 00:00 EDT
    ],
    asks: [
      {
        timezone: "America/New_York",
        granularity: "month",
        fillGaps: true,
        from: "2026-01-01T05:00:00Z",
        to: "2026-05-01T04:00:00Z",
        lines: [
          "2026-01-01T05:00:00.000Z 2026-01-01 latency 0",
          "2026-01-01T05:00:00.000Z 2026-01-01 network 1",
          "2026-02-01T05:00:00.000Z 2026-02-01 latency 0",
          "2026-02-01T05:00:00.000Z 2026-02-01 network 1",
          "2026-03-01T05:00:00.000Z 2026-03-01 latency 0",
          "2026-03-01T05:00:00.000Z 2026-03-01 network 1",
          "2026-04-01T04:00:00.000Z 2026-04-01 latency 1",
          "2026-04-01T04:00:00.000Z 2026-04-01 network 0",
        ],
      },
    ],
  },
  {
    name: "counts only the types asked for",
    alerts: [
      ["2026-05-02T10:00:00Z", "cpu"],
      ["2026-05-02T11:00:00Z", "auth"],
    ],
    asks: [
      {
        timezone: "UTC",
        types: ["auth"],
        fillGaps: true,
        from: "2026-05-01T00:00:00Z",
        to: "2026-05-03T00:00:00Z",
        lines: ["2026-05-01T00:00:00.000Z 2026-05-01 auth 0", "2026-05-02T00:00:00.000Z 2026-05-02 auth 1"],
      },
    ],
  },
  {
    name: "includes from and excludes to",
    alerts: [
      ["2026-05-02T00:00:00Z", "cpu"],
      ["2026-05-03T00:00:00Z", "cpu"],
    ],
    asks: [
      {
        timezone: "UTC",
        from: "2026-05-02T00:00:00Z",
        to: "2026-05-03T00:00:00Z",
        lines: ["2026-05-02T00:00:00.000Z 2026-05-02 cpu 1"],
      },
    ],
  },
  {
    name: "returns no rows for an empty window or when no alert matches",
    alerts: [["2026-05-02T10:00:00Z", "cpu"]],
    asks: [
      {
        timezone: "UTC",
        fillGaps: true,
        from: "2026-05-02T00:00:00Z",
        to: "2026-05-02T00:00:00Z",
        lines: [],
      },
      {
        timezone: "UTC",
        fillGaps: true,
        from: "2026-06-01T00:00:00Z",
        to: "2026-06-03T00:00:00Z",
        lines: [],
      },
    ],
  },
];

describe("AnalyticsRepository.alertTrends", () => {
  const database = useTestDatabase("alert_trends");
  let repository: AnalyticsRepository;

  beforeAll(async () => {
    repository = new AnalyticsRepository(database.db, { maxTimeMS: 10_000, maxTrendBuckets: 48 });
  });

  beforeEach(async () => {
    await database.db.collection(COLLECTIONS.alerts).deleteMany({});
  });

  async function insertAlerts(...alerts: [timestamp: string, type: string][]): Promise<void> {
    await database.db.collection<AlertDocument>(COLLECTIONS.alerts).insertMany(
      alerts.map(([timestamp, type]) => ({
        _id: new ObjectId(),
        type,
        source: "prometheus",
        severity: Severity.HIGH,
        message: `${type} alert`,
        timestamp: new Date(timestamp),
        case_id: null,
        resolved: false,
        resolution: null,
      })),
    );
  }

  async function trends(q: Partial<AlertTrendsQuery> & Pick<AlertTrendsQuery, "timezone">) {
    const rows = await repository.alertTrends({ granularity: "day", fillGaps: false, ...q });
    return rows.map((row) => ({
      bucket: row.bucket.toISOString(),
      date: row.date,
      type: row.type,
      count: row.count,
    }));
  }

  /** The rows as lines `bucket date type count`, so that an expected table reads as columns. */
  async function trendLines(q: Partial<AlertTrendsQuery> & Pick<AlertTrendsQuery, "timezone">) {
    return (await trends(q)).map((row) => `${row.bucket} ${row.date} ${row.type} ${row.count}`);
  }

  it.each(byName(SCENARIOS))("%s", async (_name, { alerts, asks }) => {
    await insertAlerts(...alerts);
    for (const { from, to, lines, ...q } of asks) {
      expect(await trendLines({ ...q, from: new Date(from), to: new Date(to) })).toEqual(lines);
    }
  });

  it("fills every bucket of the window for every type present, ordered by bucket then type", async () => {
    await insertAlerts(
      ["2026-05-02T10:00:00Z", "memory"],
      ["2026-05-04T10:00:00Z", "auth"],
      ["2026-05-04T11:00:00Z", "auth"],
      ["2026-05-04T12:00:00Z", "cpu"],
      ["2026-05-09T12:00:00Z", "cpu"], // outside the window
    );
    const rows = await trends({
      timezone: "UTC",
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-05-05T00:00:00Z"),
      fillGaps: true,
    });
    const days = utcDays("2026-05-01", 4);
    const counts: Record<string, number> = {
      "2026-05-02|memory": 1,
      "2026-05-04|auth": 2,
      "2026-05-04|cpu": 1,
    };
    expect(rows).toEqual(
      days.flatMap((date) =>
        ["auth", "cpu", "memory"].map((type) => ({
          bucket: `${date}T00:00:00.000Z`,
          date,
          type,
          count: counts[`${date}|${type}`] ?? 0,
        })),
      ),
    );
  });

  it("defaults to the last 7 days before now", async () => {
    await insertAlerts(
      ["2026-05-03T11:59:59Z", "cpu"], // 7 days and a second before now
      ["2026-05-03T12:00:00Z", "cpu"],
      ["2026-05-10T11:59:00Z", "cpu"],
    );
    const rows = await trends({ timezone: "UTC", now: new Date("2026-05-10T12:00:00Z"), fillGaps: true });
    expect(rows.map((row) => row.date)).toEqual(utcDays("2026-05-03", 8));
    expect(rows.map((row) => row.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
  });

  describe("bad input", () => {
    async function badInput(q: Partial<AlertTrendsQuery> & Pick<AlertTrendsQuery, "timezone">) {
      const error = await trends(q).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).extensions.code).toBe(ErrorCode.BAD_USER_INPUT);
      return error as BadUserInputError;
    }

    it("rejects an unknown time zone, naming the argument", async () => {
      const error = await badInput({ timezone: "Mars/Olympus_Mons" });
      expect(error.message).toMatch(/timezone/);
      expect(error.message).toContain("Mars/Olympus_Mons");
      expect(error.extensions.argument).toBe("timezone");
    });

    it("rejects from after to, naming the argument", async () => {
      const error = await badInput({
        timezone: "UTC",
        from: new Date("2026-05-03T00:00:00Z"),
        to: new Date("2026-05-02T00:00:00Z"),
      });
      expect(error.message).toMatch(/^from/);
      expect(error.extensions.argument).toBe("from");
    });

    it("rejects a window of more buckets than the limit (48 here)", async () => {
      const from = new Date("2026-05-01T00:00:00Z");
      await expect(
        trends({ timezone: "UTC", granularity: "hour", from, to: new Date("2026-05-03T00:00:00Z") }),
      ).resolves.toEqual([]);
      const error = await badInput({
        timezone: "UTC",
        granularity: "hour",
        from,
        to: new Date("2026-05-03T00:00:01Z"),
      });
      expect(error.message).toContain("48");
      // A century of hours fails as fast, without walking the calendar.
      await badInput({ timezone: "UTC", granularity: "hour", from: new Date("1950-01-01T00:00:00Z") });
    });

    it("accepts time-zone names in any case, as Intl does", async () => {
      await insertAlerts(["2026-05-02T10:00:00Z", "cpu"]);
      expect(
        await trendLines({
          timezone: "europe/berlin",
          from: new Date("2026-05-01T22:00:00Z"),
          to: new Date("2026-05-02T22:00:00Z"),
        }),
      ).toEqual(["2026-05-01T22:00:00.000Z 2026-05-02 cpu 1"]);
    });
  });
});
