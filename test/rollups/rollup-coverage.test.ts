import { describe, expect, it } from "vitest";
import { ALERT_MEASURES } from "../../src/pipelines/alert-measures";
import { ALERT_DIMENSIONS, CASE_DIMENSIONS } from "../../src/pipelines/metric-dimensions";
import {
  dimensionsAreCovered,
  filterIsCovered,
  rollupAccumulators,
} from "../../src/pipelines/rollup-coverage";
import { alertFilterQuery } from "../../src/repositories/alert-filter.query";

// What the rollup can answer, decided by pure functions: filters and dimensions on the
// rollup's fields only, measures that are counts.

describe("rollup coverage", () => {
  it("covers the AlertFilter fields the rollup keeps, through the gateway's own filter builder", () => {
    expect(filterIsCovered(alertFilterQuery(null))).toBe(true);
    expect(
      filterIsCovered(
        alertFilterQuery({ type: ["cpu"], source: ["a", "b"], severity: ["high"] as never, resolved: false }),
      ),
    ).toBe(true);
    expect(filterIsCovered({ $and: [{ type: { $in: ["cpu"] } }, { type: { $nin: ["disk"] } }] })).toBe(true);
  });

  it("does not cover a case or a timestamp filter, $expr or unknown operators", () => {
    expect(filterIsCovered(alertFilterQuery({ caseId: "64b7f0000000000000000000" }))).toBe(false);
    expect(filterIsCovered(alertFilterQuery({ timestampAfter: new Date("2026-01-01T00:00:00Z") }))).toBe(
      false,
    );
    expect(filterIsCovered({ $expr: { $eq: ["$type", "cpu"] } })).toBe(false);
    expect(filterIsCovered({ type: { $regex: "^c" } })).toBe(false);
    expect(filterIsCovered({ $or: [{ type: "cpu" }, { message: "x" }] })).toBe(false);
  });

  it("covers every alert dimension and no case dimension with an unwind", () => {
    expect(dimensionsAreCovered(Object.values(ALERT_DIMENSIONS))).toBe(true);
    expect(dimensionsAreCovered([CASE_DIMENSIONS.tag])).toBe(false);
    expect(dimensionsAreCovered([CASE_DIMENSIONS.assignee])).toBe(false);
  });

  it("turns the alert measures' counts into sums of `count`, and refuses anything else", () => {
    const all = ALERT_MEASURES.accumulators(new Set(["count", "resolvedRatio"]), { foldable: false });
    expect(rollupAccumulators(all)).toEqual({
      count: { $sum: "$count" },
      resolvedCount: { $sum: { $cond: [{ $eq: ["$resolved", true] }, "$count", 0] } },
    });
    expect(rollupAccumulators({ mean: { $avg: "$duration" } })).toBeNull();
    expect(rollupAccumulators({ n: { $sum: 2 } })).toBeNull();
    expect(rollupAccumulators({ n: { $sum: { $cond: [{ $eq: ["$case_id", null] }, 1, 0] } } })).toBeNull();
  });
});
