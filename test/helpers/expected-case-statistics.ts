import { expect } from "vitest";
import type { CaseDocument } from "../../src/db/case.document";

/** One row of caseStatistics: stored values (lower case) or API values (upper case). */
export interface CaseStatisticsRow {
  status: string;
  severity: string;
  count: number;
  avgResolutionTimeSeconds: number | null;
}

const SEVERITY_ORDER = ["critical", "high", "medium", "low"];
const STATUS_ORDER = ["open", "in_progress", "resolved", "closed"];

/**
 * The case statistics of some documents, computed in plain TypeScript (not by the code
 * under test): count and mean resolution time per status × severity, most severe first,
 * then in workflow order. `values: "api"` spells status and severity as the API does.
 */
export function expectedCaseStatistics(
  docs: readonly CaseDocument[],
  values: "stored" | "api" = "stored",
): CaseStatisticsRow[] {
  const groups = new Map<string, CaseDocument[]>();
  for (const doc of docs) {
    const key = `${doc.status}|${doc.severity}`;
    groups.set(key, [...(groups.get(key) ?? []), doc]);
  }
  const spell = (value: string) => (values === "api" ? value.toUpperCase() : value);
  return [...groups.values()]
    .map((group) => {
      const durations = group
        .filter((doc) => doc.resolved_at)
        .map((doc) => (doc.resolved_at!.getTime() - doc.created_at.getTime()) / 1000);
      return {
        status: group[0]!.status as string,
        severity: group[0]!.severity as string,
        count: group.length,
        avgResolutionTimeSeconds:
          durations.length === 0 ? null : durations.reduce((sum, value) => sum + value, 0) / durations.length,
      };
    })
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    )
    .map((row) => ({ ...row, status: spell(row.status), severity: spell(row.severity) }));
}

/** Same groups in the same order with the same counts; means equal to `digits` decimal places. */
export function expectCaseStatisticsToMatch(
  actual: readonly CaseStatisticsRow[],
  expected: readonly CaseStatisticsRow[],
  digits: number,
): void {
  expect(actual.map(({ status, severity, count }) => ({ status, severity, count }))).toEqual(
    expected.map(({ status, severity, count }) => ({ status, severity, count })),
  );
  actual.forEach((row, i) => {
    const want = expected[i]!.avgResolutionTimeSeconds;
    if (want === null) expect(row.avgResolutionTimeSeconds).toBeNull();
    else expect(row.avgResolutionTimeSeconds).toBeCloseTo(want, digits);
  });
}
