import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import type { CaseDocument } from "../../src/db/case.document";
import {
  buildIncidentFixture,
  type IncidentFixture,
  insertIncidentFixture,
} from "./fixtures/incident-fixture";
import { useTestGateway } from "../helpers/use-test-gateway";

let fixture: IncidentFixture;
const { database, gateway } = useTestGateway("batching", {
  seed: async (db) => {
    // Every case assigned and with alerts, so that every page exercises every relation.
    fixture = buildIncidentFixture({ users: 12, cases: 60, alerts: 0, seed: 17 });
    fixture.cases.forEach((c: CaseDocument, index) => {
      c.assignee = fixture.users[index % fixture.users.length]!._id;
    });
    fixture.alerts = fixture.cases.flatMap((c, index) =>
      Array.from({ length: 2 + (index % 3) }, (_, n): AlertDocument => ({
        _id: new ObjectId(),
        type: "cpu",
        source: "prometheus",
        severity: c.severity,
        message: `alert ${n} of ${c.title}`,
        timestamp: new Date(c.created_at.getTime() + n * 1000),
        case_id: c._id,
        resolved: n % 2 === 0,
        resolution: null,
      })),
    );
    await insertIncidentFixture(db, fixture);
  },
});

const NESTED = `query($first: Int) {
  cases(first: $first) {
    edges { node { id assignee { name } alerts { case { title } } alertCount } }
  }
}`;
/** assignee, alerts, Alert.case, alertCount. */
const NESTED_RELATION_FIELDS = 4;

interface NestedData {
  cases: {
    edges: {
      node: {
        id: string;
        assignee: { name: string };
        alerts: { case: { title: string } }[];
        alertCount: number;
      };
    }[];
  };
}

describe("batching with per-request DataLoaders", () => {
  it("sends as many commands for 50 cases as for 5, at most one per relation field plus one", async () => {
    const counts: Record<number, string[]> = {};
    for (const first of [5, 50]) {
      gateway.resetCommands();
      const result = await gateway.graphql<NestedData>(NESTED, { first });
      expect(result.errors).toBeUndefined();
      const edges = result.data!.cases.edges;
      expect(edges).toHaveLength(first);
      for (const { node } of edges) {
        const stored = fixture.cases.find((c) => c._id.toHexString() === node.id)!;
        const alerts = fixture.alerts.filter((a) => a.case_id!.equals(stored._id));
        expect(node.assignee.name).toBe(fixture.users.find((u) => u._id.equals(stored.assignee!))!.name);
        expect(node.alertCount).toBe(alerts.length);
        expect(node.alerts.map((a) => a.case.title)).toEqual(alerts.map(() => stored.title));
      }
      counts[first] = gateway.commands.map((command) => command.commandName);
    }
    expect(counts[50]!.length).toBe(counts[5]!.length);
    expect(counts[50]!.length).toBeLessThanOrEqual(1 + NESTED_RELATION_FIELDS);
    expect([...counts[50]!].sort()).toEqual([...counts[5]!].sort());
  });

  it("does not share loader caches between requests", async () => {
    const target = fixture.cases[0]!;
    const query = `query($id: ID!) { case(id: $id) { title } }`;
    const before = await gateway.graphql(query, { id: target._id.toHexString() });
    await database.db.collection("cases").updateOne({ _id: target._id }, { $set: { title: "Renamed" } });
    const after = await gateway.graphql(query, { id: target._id.toHexString() });
    expect(before.data.case.title).toBe(target.title);
    expect(after.data.case.title).toBe("Renamed");
    await database.db.collection("cases").updateOne({ _id: target._id }, { $set: { title: target.title } });
  });

  it("loads a relation once per request even when asked for repeatedly", async () => {
    gateway.resetCommands();
    const id = fixture.cases[1]!._id.toHexString();
    const result = await gateway.graphql(
      `query($id: ID!) { a: case(id: $id) { title } b: case(id: $id) { title } }`,
      { id },
    );
    expect(result.data.a).toEqual(result.data.b);
    expect(gateway.commands.map((command) => command.commandName)).toEqual(["find"]);
  });
});
