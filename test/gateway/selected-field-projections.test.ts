import type { CommandStartedEvent, Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { CaseDocument } from "../../src/db/case.document";
import { useIncidentGateway } from "./fixtures/use-incident-gateway";

/*
 * Reads of cases, alerts and users return only the stored fields the operation selects
 * (plus _id and what resolvers need: the assignee reference, the alerts' case_id, the
 * ordering field of a page), and the answers are those of whole documents: expected values
 * come from the fixture as inserted.
 */
const { gateway, fixture } = useIncidentGateway("selected-field-projections", {
  users: 6,
  cases: 40,
  alerts: 200,
  seed: 23,
});

/** The projection (null: none) of every read command the gateway sent on `collection`. */
function projectionsOn(collection: string): (Document | null)[] {
  return gateway.commands.flatMap((event: CommandStartedEvent) => {
    const { command } = event;
    if (event.commandName === "find" && command.find === collection) return [command.projection ?? null];
    if (event.commandName === "aggregate" && command.aggregate === collection) {
      const group = (command.pipeline as Document[]).find((stage) => stage.$group)?.$group as
        Document | undefined;
      const output = group?.newest?.$topN?.output;
      return output === undefined ? [] : [output === "$$ROOT" ? null : output];
    }
    return [];
  });
}

const byCreation = (a: CaseDocument, b: CaseDocument) =>
  b.created_at.getTime() - a.created_at.getTime() || b._id.toHexString().localeCompare(a._id.toHexString());

describe("reads projected to the selected fields", () => {
  it("a page of cases with assignees and alerts reads only what it shows", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(`{
      cases(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {
        edges { node { id title assignee { name } alerts(first: 2) { severity } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(projectionsOn("cases")).toEqual([{ assignee: 1, created_at: 1, title: 1 }]);
    expect(projectionsOn("users")).toEqual([{ name: 1 }]);
    expect(projectionsOn("alerts")).toEqual([{ _id: "$_id", severity: "$severity" }]);
    const expected = [...fixture.cases].sort(byCreation).slice(0, 10);
    const nodes = result.data.cases.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toEqual(
      expected.map((c) => ({
        id: c._id.toHexString(),
        title: c.title,
        assignee: c.assignee ? { name: fixture.users.find((u) => u._id.equals(c.assignee!))!.name } : null,
        alerts: fixture.alerts
          .filter((a) => a.case_id?.equals(c._id))
          .sort(
            (a, b) =>
              b.timestamp.getTime() - a.timestamp.getTime() ||
              b._id.toHexString().localeCompare(a._id.toHexString()),
          )
          .slice(0, 2)
          .map((a) => ({ severity: a.severity.toUpperCase() })),
      })),
    );
  });

  it("one id asked with two selections in one request: one read of the union, each answer whole", async () => {
    const c = fixture.cases.find((candidate) => candidate.resolved_at)!;
    gateway.resetCommands();
    const result = await gateway.graphql(
      `query($id: ID!) {
        a: case(id: $id) { title }
        b: case(id: $id) { ...More }
      }
      fragment More on Case { description resolutionTimeSeconds }`,
      { id: c._id.toHexString() },
    );
    expect(result.errors).toBeUndefined();
    expect(projectionsOn("cases")).toEqual([{ created_at: 1, description: 1, resolved_at: 1, title: 1 }]);
    expect(result.data).toEqual({
      a: { title: c.title },
      b: {
        description: c.description,
        resolutionTimeSeconds: Math.floor((c.resolved_at!.getTime() - c.created_at.getTime()) / 1000),
      },
    });
  });

  it("cursors: the page reads its ordering's field though no node field needs it, and paging goes on", async () => {
    const page = `query($after: String) {
      cases(first: 3, after: $after, orderBy: { field: SEVERITY, direction: DESC }) { edges { cursor node { id } } }
    }`;
    gateway.resetCommands();
    const first = await gateway.graphql(page);
    expect(first.errors).toBeUndefined();
    const projections = projectionsOn("cases");
    expect(projections.length).toBeGreaterThan(0);
    for (const projection of projections) expect(projection).toEqual({ severity: 1 });
    const next = await gateway.graphql(page, { after: first.data.cases.edges[2].cursor });
    expect(next.errors).toBeUndefined();
    const ids = (result: typeof first) =>
      result.data.cases.edges.map((edge: { node: { id: string } }) => edge.node.id);
    const rank = { critical: 4, high: 3, medium: 2, low: 1 } as const;
    const expected = [...fixture.cases]
      .sort(
        (a, b) =>
          rank[b.severity] - rank[a.severity] || b._id.toHexString().localeCompare(a._id.toHexString()),
      )
      .slice(0, 6)
      .map((c) => c._id.toHexString());
    expect([...ids(first), ...ids(next)]).toEqual(expected);
  });
});
