import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { Severity } from "../../src/domain/severity.enum";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { alertSeverityBreakdownPipeline } from "../../src/pipelines/alert-severity-breakdown.pipeline";
import { AnalyticsRepository } from "../../src/repositories/analytics.repository";
import { useTestDatabase } from "../helpers/use-test-database";
import { byName } from "../helpers/by-name";

describe("alertSeverityBreakdownPipeline (stages)", () => {
  it("matches on resolved first, then counts per severity", () => {
    const stages = alertSeverityBreakdownPipeline({ resolved: false });
    expect(stages[0]).toEqual({ $match: { resolved: false } });
    expect(stages[1]).toEqual({ $group: { _id: "$severity", count: { $sum: 1 } } });
  });
});

describe("AnalyticsRepository.alertSeverityBreakdown", () => {
  const database = useTestDatabase("severity_breakdown");
  let repository: AnalyticsRepository;

  beforeAll(async () => {
    repository = new AnalyticsRepository(database.db, { maxTimeMS: 10_000 });
    // Unresolved: 3 medium, 2 low, 1 critical, no high. Resolved: 4 high only.
    const alerts: [Severity, boolean][] = [
      [Severity.MEDIUM, false],
      [Severity.MEDIUM, false],
      [Severity.MEDIUM, false],
      [Severity.LOW, false],
      [Severity.LOW, false],
      [Severity.CRITICAL, false],
      [Severity.HIGH, true],
      [Severity.HIGH, true],
      [Severity.HIGH, true],
      [Severity.HIGH, true],
    ];
    await database.db.collection<AlertDocument>(COLLECTIONS.alerts).insertMany(
      alerts.map(([severity, resolved], i) => ({
        _id: new ObjectId(),
        type: "cpu",
        source: "datadog",
        severity,
        message: `alert ${i}`,
        timestamp: new Date(Date.UTC(2026, 4, 1, i)),
        case_id: null,
        resolved,
        resolution: resolved ? "fixed" : null,
      })),
    );
  });

  // Expected counts in the order of the answer: most severe first.
  it.each(
    byName([
      {
        name: "returns all four severities, most severe first, with 0 where there are none",
        resolved: false,
        counts: { critical: 1, high: 0, medium: 3, low: 2 },
      },
      {
        name: "counts resolved alerts when asked",
        resolved: true,
        counts: { critical: 0, high: 4, medium: 0, low: 0 },
      },
    ]),
  )("%s", async (_name, { resolved, counts }) => {
    expect(await repository.alertSeverityBreakdown({ resolved })).toEqual(
      Object.entries(counts).map(([severity, count]) => ({ severity, count })),
    );
  });
});
