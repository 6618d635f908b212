import { describe, expect, it } from "vitest";
import type { CaseDocument } from "../../src/db/case.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import type { UserDocument } from "../../src/db/user.document";
import { seedDemoData } from "../../src/seed/seed-demo-data";
import { useTestGateway } from "../helpers/use-test-gateway";

// caseMetrics and caseBacklog rows grouped by ASSIGNEE answer the assignee (one shared
// field resolver); expected names come from the stored users and cases.

const NOW = new Date("2026-03-15T12:00:00Z");

const fixture = useTestGateway("metric_row_assignee", {
  seed: async (db) => {
    await seedDemoData(db, { users: 6, cases: 80, alerts: 10, days: 60, seed: 17, now: NOW });
  },
});

const RANGE = `range: { from: "2025-01-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }`;

/** The names of the users some stored case is assigned to, and whether some case is unassigned. */
async function expectedAssignees(): Promise<{ names: string[]; unassigned: boolean }> {
  const users = await fixture.db.collection<UserDocument>(COLLECTIONS.users).find().toArray();
  const cases = await fixture.db.collection<CaseDocument>(COLLECTIONS.cases).find().toArray();
  const names = new Map(users.map((user) => [user._id.toHexString(), user.name]));
  const assigned = new Set(cases.flatMap((c) => (c.assignee ? [names.get(c.assignee.toHexString())!] : [])));
  return { names: [...assigned].sort(), unassigned: cases.some((c) => !c.assignee) };
}

describe("metric rows grouped by ASSIGNEE", () => {
  for (const field of ["caseMetrics", "caseBacklog"] as const) {
    it(`${field} answers each row's assignee`, async () => {
      const bucket = field === "caseBacklog" ? `timeBucket: { granularity: YEAR }, ` : "";
      const result = await fixture.gateway.graphql(
        `{ ${field}(${bucket}${RANGE}, groupBy: [ASSIGNEE]) { rows { assignee { id name } } } }`,
      );
      expect(result.errors).toBeUndefined();
      const rows = (result.data[field] as { rows: { assignee: { id: string; name: string } | null }[] }).rows;
      const expected = await expectedAssignees();
      expect(expected.names.length).toBeGreaterThan(1);
      const names = [...new Set(rows.flatMap((row) => (row.assignee ? [row.assignee.name] : [])))].sort();
      expect(names).toEqual(expected.names);
      expect(rows.some((row) => row.assignee === null)).toBe(expected.unassigned);
    });
  }
});
