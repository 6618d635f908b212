import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Severity } from "../../src/domain/severity.enum";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { alertSeverityBreakdownPipeline } from "../../src/pipelines/alert-severity-breakdown.pipeline";
import { AnalyticsRepository } from "../../src/repositories/analytics.repository";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";

describe("alertSeverityBreakdownPipeline (stages)", () => {
  it("matches on resolved first, then counts per severity", () => {
    const stages = alertSeverityBreakdownPipeline({ resolved: false });
    expect(stages[0]).toEqual({ $match: { resolved: false } });
    expect(stages[1]).toEqual({ $group: { _id: "$severity", count: { $sum: 1 } } });
  });
});

describe("AnalyticsRepository.alertSeverityBreakdown", () => {
  let database: TestDatabase;
  let repository: AnalyticsRepository;

  beforeAll(async () => {
    database = await openTestDatabase("severity_breakdown");
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

  afterAll(async () => {
    await database?.close();
  });

  it("returns all four severities, most severe first, with 0 where there are none", async () => {
    expect(await repository.alertSeverityBreakdown({ resolved: false })).toEqual([
      { severity: "critical", count: 1 },
      { severity: "high", count: 0 },
      { severity: "medium", count: 3 },
      { severity: "low", count: 2 },
    ]);
  });

  it("counts resolved alerts when asked", async () => {
    expect(await repository.alertSeverityBreakdown({ resolved: true })).toEqual([
      { severity: "critical", count: 0 },
      { severity: "high", count: 4 },
      { severity: "medium", count: 0 },
      { severity: "low", count: 0 },
    ]);
  });
});
