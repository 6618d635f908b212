import type { Document } from "mongodb";
import { describe, expect, it } from "vitest";
import { buildIncidentFixture, insertIncidentFixture } from "./fixtures/incident-fixture";
import { useTestGateway } from "../helpers/use-test-gateway";

const { database, gateway } = useTestGateway("index-usage", {
  seed: async (db) => {
    await insertIncidentFixture(db, buildIncidentFixture({ users: 20, cases: 40, alerts: 40, seed: 41 }));
  },
});

/** Every stage of a query plan, depth first. */
function stages(plan: Document): Document[] {
  const children = [plan.inputStage, ...(plan.inputStages ?? [])].filter(Boolean) as Document[];
  return [plan, ...children.flatMap(stages)];
}

const cases = (
  orderBy: string,
) => `query($after: String) { list: cases(orderBy: ${orderBy}, first: 3, after: $after) {
  pageInfo { endCursor } edges { node { id } } } }`;
const alerts = (
  orderBy: string,
) => `query($after: String) { list: alerts(orderBy: ${orderBy}, first: 3, after: $after) {
  pageInfo { endCursor } edges { node { id } } } }`;
const users = `query($after: String) { list: users(first: 3, after: $after) { pageInfo { endCursor } edges { node { id } } } }`;

const listings: [string, string, string][] = [];
for (const direction of ["ASC", "DESC"]) {
  for (const [field, index] of [
    ["CREATED_AT", "created_at_-1__id_-1"],
    ["UPDATED_AT", "updated_at_-1__id_-1"],
    ["SEVERITY", "severity_1__id_1"],
    ["PRIORITY", "priority_1__id_1"],
  ]) {
    listings.push([
      `cases by ${field} ${direction}`,
      cases(`{ field: ${field}, direction: ${direction} }`),
      index!,
    ]);
  }
  listings.push([
    `alerts by TIMESTAMP ${direction}`,
    alerts(`{ field: TIMESTAMP, direction: ${direction} }`),
    "timestamp_-1__id_-1",
  ]);
  listings.push([
    `alerts by SEVERITY ${direction}`,
    alerts(`{ field: SEVERITY, direction: ${direction} }`),
    "severity_1__id_1",
  ]);
}
listings.push(["users", users, "created_at_-1__id_-1"]);

describe("keyset paging is served by an index", () => {
  for (const [name, query, index] of listings) {
    it(`${name}: first and later pages scan ${index}, never sort in memory, never skip`, async () => {
      gateway.resetCommands();
      const first = await gateway.graphql(query);
      expect(first.errors).toBeUndefined();
      await gateway.graphql(query, { after: first.data.list.pageInfo.endCursor });
      const finds = gateway.commands.filter((event) => event.commandName === "find");
      expect(finds.length).toBeGreaterThanOrEqual(2);
      for (const { command } of finds) {
        expect(command.skip).toBeUndefined();
        const { find, filter, sort, limit } = command;
        const explained = await database.db.command({
          explain: { find, filter, sort, limit },
          verbosity: "queryPlanner",
        });
        const plan = stages(explained.queryPlanner.winningPlan);
        expect(plan.map((stage) => stage.stage)).not.toContain("SORT");
        expect(plan.filter((stage) => stage.stage === "IXSCAN").map((stage) => stage.indexName)).toContain(
          index,
        );
      }
    });
  }
});
