import { describe, expect, it } from "vitest";
import { ALERT_MEASURES } from "../../src/pipelines/alert-measures";
import { caseMeasures } from "../../src/pipelines/case-measures";
import { ALERT_DIMENSIONS, CASE_DIMENSIONS } from "../../src/pipelines/metric-dimensions";
import { metricsPipeline } from "../../src/pipelines/metrics.pipeline";
import { defaultMetricsConfig } from "../../src/metrics-config";

// The builder is a pure function: these check the stages it writes, the end-to-end
// answers are checked against a reference in test/analytics/.

const from = new Date("2026-03-01T00:00:00Z");
const to = new Date("2026-04-01T00:00:00Z");
const match = { timestamp: { $gte: from, $lt: to } };

describe("metricsPipeline (stages)", () => {
  it("matches first, groups by the zone's $dateTrunc (startOfWeek for weeks) and the dimensions", () => {
    const stages = metricsPipeline({
      match,
      bucket: { field: "$timestamp", unit: "week", timezone: "Asia/Kathmandu", weekStart: 7 },
      dimensions: [ALERT_DIMENSIONS.source, ALERT_DIMENSIONS.severity],
      accumulators: { count: { $sum: 1 } },
    });
    expect(stages[0]).toEqual({ $match: match });
    expect(stages[1]!.$group._id).toEqual({
      bucket: {
        $dateTrunc: { date: "$timestamp", unit: "week", timezone: "Asia/Kathmandu", startOfWeek: "sunday" },
      },
      source: "$source",
      severity: "$severity",
    });
    // Bucket, then the dimensions in groupBy order, severity by rank; raw values break the ties of unknown ones.
    expect(stages.find((stage) => stage.$sort)).toEqual({
      $sort: { bucket: 1, source: 1, severityRank: -1, severity: 1 },
    });
    expect(stages.at(-1)).toEqual({ $project: { severityRank: 0 } });
  });

  it("leaves startOfWeek out for other units, unwinds TAG, and limits the rows when asked", () => {
    const stages = metricsPipeline({
      match: {},
      bucket: { field: "$created_at", unit: "quarter", timezone: "America/St_Johns" },
      dimensions: [CASE_DIMENSIONS.tag],
      accumulators: { count: { $sum: 1 } },
      limit: 11,
    });
    expect(stages[1]).toEqual({ $unwind: "$tags" });
    expect(stages[2]!.$group._id.bucket).toEqual({
      $dateTrunc: { date: "$created_at", unit: "quarter", timezone: "America/St_Johns" },
    });
    expect(stages.at(-1)).toEqual({ $limit: 11 });
  });

  it("computes only the selected measures", () => {
    expect(Object.keys(ALERT_MEASURES.accumulators(new Set(["count"]), { foldable: false }))).toEqual([
      "count",
    ]);
    expect(Object.keys(ALERT_MEASURES.accumulators(new Set(["resolvedRatio"]), { foldable: false }))).toEqual(
      ["count", "resolvedCount"],
    );
    const measures = caseMeasures(defaultMetricsConfig().slaTargetsMs, ["p90"]);
    const timing = measures.accumulators(new Set(["resolutionTime", "p90"]), { foldable: false });
    expect(timing.percentilesMs).toEqual({
      $percentile: { input: expect.anything(), p: [0.9], method: "approximate" },
    });
    expect(timing.durationsMs).toBeUndefined();
    expect(
      measures.accumulators(new Set(["resolutionTime", "p90"]), { foldable: true }).durationsMs,
    ).toBeDefined();
    expect(Object.keys(measures.accumulators(new Set(["openCount"]), { foldable: false }))).toEqual([
      "count",
      "openCount",
    ]);
  });
});
