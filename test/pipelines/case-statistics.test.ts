import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { CaseStatus } from "../../src/domain/case-status.enum";
import { Priority } from "../../src/domain/priority.enum";
import { Severity } from "../../src/domain/severity.enum";
import type { CaseDocument } from "../../src/db/case.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { caseStatisticsPipeline } from "../../src/pipelines/case-statistics.pipeline";
import { AnalyticsRepository } from "../../src/repositories/analytics.repository";
import { useTestDatabase } from "../helpers/use-test-database";
import { expectCaseStatisticsToMatch, expectedCaseStatistics } from "../helpers/expected-case-statistics";

// The orders the issue asks for, written out here rather than taken from the code under test.
const SEVERITY_ORDER = ["critical", "high", "medium", "low"];

describe("caseStatisticsPipeline (stages)", () => {
  it("matches only on the filters given, first", () => {
    expect(caseStatisticsPipeline({})[0]).toEqual({ $match: {} });

    const assigneeId = new ObjectId();
    const createdAfter = new Date("2026-01-01T00:00:00Z");
    const createdBefore = new Date("2026-02-01T00:00:00Z");
    const [first] = caseStatisticsPipeline({ createdAfter, createdBefore, tags: ["db", "api"], assigneeId });
    expect(first).toEqual({
      $match: {
        created_at: { $gte: createdAfter, $lt: createdBefore },
        tags: { $in: ["db", "api"] },
        assignee: assigneeId,
      },
    });
  });

  it("keeps an empty tag list, which matches nothing (as lists do across the API)", () => {
    expect(caseStatisticsPipeline({ tags: [] })[0]).toEqual({ $match: { tags: { $in: [] } } });
  });

  it("groups by status and severity and sorts by computed ranks, not by the stored strings", () => {
    const stages = caseStatisticsPipeline({});
    const group = stages.find((stage) => "$group" in stage)!;
    expect(group.$group._id).toEqual({ status: "$status", severity: "$severity" });
    const sorts = stages.filter((stage) => "$sort" in stage);
    expect(sorts).toHaveLength(1);
    expect(Object.keys(sorts[0]!.$sort)).not.toContain("_id.severity");
    expect(Object.keys(sorts[0]!.$sort).slice(0, 2)).toEqual(["severityRank", "statusRank"]);
  });
});

describe("AnalyticsRepository.caseStatistics", () => {
  const database = useTestDatabase("case_statistics");
  let repository: AnalyticsRepository;
  let cases: CaseDocument[];
  const alice = new ObjectId();
  const bob = new ObjectId();

  beforeAll(async () => {
    repository = new AnalyticsRepository(database.db, { maxTimeMS: 10_000 });
    cases = makeCases([alice, bob]);
    await database.db.collection<CaseDocument>(COLLECTIONS.cases).insertMany(cases);
  });

  it("counts and averages per (status, severity), most severe first, then in workflow order", async () => {
    const rows = await repository.caseStatistics({});
    expectRowsToMatch(rows, expectedStatistics(cases));
    // The data model's string sort would have put medium first.
    expect(rows[0]).toMatchObject({ severity: "critical", status: "open" });
    expect(rows.map((row) => row.severity)).toEqual(
      [...rows.map((row) => row.severity)].sort(
        (a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b),
      ),
    );
  });

  it("averages resolution time only over cases that have resolved_at, and is null when none has", async () => {
    const rows = await repository.caseStatistics({});
    const openRows = rows.filter((row) => row.status === "open" || row.status === "in_progress");
    expect(openRows.length).toBeGreaterThan(0);
    for (const row of openRows) expect(row.avgResolutionTimeSeconds).toBeNull();

    // Closed high: resolved after 2 h and 4 h, plus one closed without a resolution.
    const closedHigh = rows.find((row) => row.status === "closed" && row.severity === "high");
    expect(closedHigh).toEqual({
      status: "closed",
      severity: "high",
      count: 3,
      avgResolutionTimeSeconds: 3 * 3600,
    });
  });

  it("filters by creation window (after inclusive, before exclusive)", async () => {
    const createdAfter = new Date("2026-02-10T00:00:00Z");
    const createdBefore = new Date("2026-02-20T00:00:00Z");
    const rows = await repository.caseStatistics({ createdAfter, createdBefore });
    const expected = expectedStatistics(
      cases.filter((doc) => doc.created_at >= createdAfter && doc.created_at < createdBefore),
    );
    expect(expected.length).toBeGreaterThan(0);
    expectRowsToMatch(rows, expected);
  });

  it("filters by any of the tags", async () => {
    const rows = await repository.caseStatistics({ tags: ["database", "security"] });
    const expected = expectedStatistics(
      cases.filter((doc) => doc.tags.includes("database") || doc.tags.includes("security")),
    );
    expectRowsToMatch(rows, expected);
  });

  it("filters by assignee, combined with the other filters", async () => {
    expectRowsToMatch(
      await repository.caseStatistics({ assigneeId: alice }),
      expectedStatistics(cases.filter((doc) => doc.assignee?.equals(alice))),
    );
    const createdAfter = new Date("2026-02-05T00:00:00Z");
    expectRowsToMatch(
      await repository.caseStatistics({ assigneeId: bob, tags: ["network"], createdAfter }),
      expectedStatistics(
        cases.filter(
          (doc) =>
            doc.assignee?.equals(bob) && doc.tags.includes("network") && doc.created_at >= createdAfter,
        ),
      ),
    );
  });

  it("returns no rows when nothing matches, or for an empty tag list", async () => {
    expect(await repository.caseStatistics({ assigneeId: new ObjectId() })).toEqual([]);
    expect(await repository.caseStatistics({ tags: [] })).toEqual([]);
  });
});

interface ExpectedRow {
  status: string;
  severity: string;
  count: number;
  avgResolutionTimeSeconds: number | null;
}

/** The statistics, computed from the documents in plain TypeScript. */
function expectedStatistics(docs: readonly CaseDocument[]): ExpectedRow[] {
  return expectedCaseStatistics(docs);
}

function expectRowsToMatch(actual: readonly ExpectedRow[], expected: readonly ExpectedRow[]): void {
  expectCaseStatisticsToMatch(actual, expected, 3);
}

/**
 * A few dozen cases covering every status and severity, with varied tags, assignees
 * and resolution times, plus fixed ones whose statistics the tests state by hand.
 */
function makeCases(assignees: readonly ObjectId[]): CaseDocument[] {
  const statuses = [CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CLOSED];
  const severities = [Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL];
  const tagSets = [["database"], ["network", "api"], ["security"], [], ["database", "network"]];
  const docs: CaseDocument[] = [];
  for (let i = 0; i < 48; i++) {
    const status = statuses[i % 4]!;
    const severity = severities[Math.floor(i / 4) % 4]!;
    if (status === CaseStatus.CLOSED && severity === Severity.HIGH) continue; // stated by hand below
    const createdAt = new Date(Date.UTC(2026, 1, 1 + (i % 27), i % 24, (i * 7) % 60));
    const resolved = status === CaseStatus.RESOLVED || status === CaseStatus.CLOSED;
    docs.push(
      makeCase({
        severity,
        status,
        createdAt,
        resolvedAt: resolved ? new Date(createdAt.getTime() + (i + 1) * 1_234_567) : null,
        tags: tagSets[i % tagSets.length]!,
        assignee: i % 5 === 0 ? null : assignees[i % assignees.length]!,
      }),
    );
  }
  const created = new Date("2026-02-15T08:00:00Z");
  for (const hours of [2, 4, null]) {
    docs.push(
      makeCase({
        severity: Severity.HIGH,
        status: CaseStatus.CLOSED,
        createdAt: created,
        resolvedAt: hours === null ? null : new Date(created.getTime() + hours * 3_600_000),
        tags: ["network"],
        assignee: assignees[1]!,
      }),
    );
  }
  return docs;
}

function makeCase(fields: {
  severity: Severity;
  status: CaseStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  tags: string[];
  assignee: ObjectId | null;
}): CaseDocument {
  return {
    _id: new ObjectId(),
    title: `Case ${fields.severity} ${fields.status}`,
    description: "test case",
    severity: fields.severity,
    status: fields.status,
    priority: Priority.MEDIUM,
    assignee: fields.assignee,
    created_at: fields.createdAt,
    updated_at: fields.resolvedAt ?? fields.createdAt,
    resolved_at: fields.resolvedAt,
    tags: fields.tags,
    metadata: {},
  };
}
