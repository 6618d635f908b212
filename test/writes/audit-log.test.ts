import type { Document } from "mongodb";
import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { badUserInput, insertCase } from "./support/write-test-kit";
import { useTestGateway } from "../helpers/use-test-gateway";

let caseId: string;

const AUDIT_LOG = `query($targetId: ID, $action: String, $first: Int, $after: String) {
  auditLog(targetId: $targetId, action: $action, first: $first, after: $after) {
    totalCount
    edges { cursor node { id createdAt actor action collection targetId changes requestId details } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const { db, gateway } = useTestGateway("writes-audit");

beforeAll(async () => {
  // A small history: a case created, changed four times, and noise on another case.
  const created = await gateway.graphql(
    `mutation { createCase(input: { title: "Audited", severity: LOW, tags: ["a"] }) { id } }`,
    undefined,
    { "x-request-id": "req-create-1" },
  );
  caseId = created.data.createCase.id;
  const steps: [string, Record<string, unknown>][] = [
    [`mutation($id: ID!) { updateCase(id: $id, input: { title: "Audited!" }) { id } }`, {}],
    [`mutation($id: ID!) { changeCaseStatus(id: $id, status: IN_PROGRESS, note: " on it ") { id } }`, {}],
    [`mutation($id: ID!) { addCaseTags(id: $id, tags: ["b"]) { id } }`, {}],
    [`mutation($id: ID!) { changeCaseStatus(id: $id, status: RESOLVED) { id } }`, {}],
  ];
  for (const [index, [query]] of steps.entries()) {
    const result = await gateway.graphql(query, { id: caseId }, { "x-request-id": `req-step-${index}` });
    expect(result.errors).toBeUndefined();
  }
  const other = await insertCase(db);
  await gateway.graphql(`mutation($id: ID!) { updateCase(id: $id, input: { title: "Noise" }) { id } }`, {
    id: other._id.toHexString(),
  });
});

/** The stored entries newest first, computed from the collection, not through the gateway. */
async function storedNewestFirst(filter: Document = {}): Promise<Document[]> {
  const entries = await db.collection("audit_logs").find(filter).toArray();
  return entries.sort(
    (a, b) =>
      b.created_at.getTime() - a.created_at.getTime() ||
      b._id.toHexString().localeCompare(a._id.toHexString()),
  );
}

describe("Query.auditLog", () => {
  it("lists a target's entries newest first with exact changes, actor and request id", async () => {
    const result = await gateway.graphql(AUDIT_LOG, { targetId: caseId });
    expect(result.errors).toBeUndefined();
    const nodes = result.data.auditLog.edges.map((edge: { node: Document }) => edge.node);
    const expected = await storedNewestFirst({ target_id: ObjectId.createFromHexString(caseId) });
    expect(nodes.map((node: Document) => node.id)).toEqual(expected.map((entry) => entry._id.toHexString()));
    expect(result.data.auditLog.totalCount).toBe(5);
    expect(nodes.map((node: Document) => node.action)).toEqual([
      "case.status.change",
      "case.tags.add",
      "case.status.change",
      "case.update",
      "case.create",
    ]);
    expect(nodes.map((node: Document) => node.requestId)).toEqual([
      "req-step-3",
      "req-step-2",
      "req-step-1",
      "req-step-0",
      "req-create-1",
    ]);
    for (const node of nodes) {
      expect(node).toMatchObject({ actor: nodes[0].actor, collection: "cases", targetId: caseId });
    }
    expect(nodes[0].actor).toMatch(/\S/);
    const resolved = await db.collection("cases").findOne({ _id: ObjectId.createFromHexString(caseId) });
    expect(nodes[0].changes).toEqual({
      status: { before: "in_progress", after: "resolved" },
      resolved_at: { before: null, after: resolved!.resolved_at.toISOString() },
    });
    expect(nodes[0].createdAt).toBe(resolved!.updated_at.toISOString());
    expect(nodes[1].changes).toEqual({ tags: { before: ["a"], after: ["a", "b"] } });
    expect(nodes[2]).toMatchObject({
      changes: { status: { before: "open", after: "in_progress" } },
      details: { note: "on it" },
    });
    expect(nodes[3].changes).toEqual({ title: { before: "Audited", after: "Audited!" } });
    expect(nodes[4].details).toBeNull();
  });

  it("pages with keyset cursors: every entry once, in order", async () => {
    const expected = (await storedNewestFirst()).map((entry) => entry._id.toHexString());
    expect(expected.length).toBe(6);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await gateway.graphql(AUDIT_LOG, { first: 4, after });
      expect(result.errors).toBeUndefined();
      const { edges, pageInfo } = result.data.auditLog;
      seen.push(...edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("filters by action", async () => {
    const result = await gateway.graphql(AUDIT_LOG, { action: "case.update" });
    const expected = await storedNewestFirst({ action: "case.update" });
    expect(expected).toHaveLength(2);
    expect(result.data.auditLog.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      expected.map((entry) => entry._id.toHexString()),
    );
  });

  it("a request without x-request-id is recorded under the gateway's own request id", async () => {
    const other = await insertCase(db);
    await gateway.graphql(`mutation($id: ID!) { deleteCase(id: $id) { deletedCaseId } }`, {
      id: other._id.toHexString(),
    });
    const [entry] = await db.collection("audit_logs").find({ target_id: other._id }).toArray();
    expect(typeof entry!.request_id).toBe("string");
    expect(entry!.request_id.length).toBeGreaterThan(0);
  });

  it("refuses a malformed target id, a page over MAX_PAGE_SIZE and a cursor of another list", async () => {
    expect(badUserInput(await gateway.graphql(AUDIT_LOG, { targetId: "x" })).message).toMatch(/"targetId"/);
    expect(badUserInput(await gateway.graphql(AUDIT_LOG, { first: 101 })).message).toMatch(/MAX_PAGE_SIZE/);
    const cases = await gateway.graphql(`{ cases(first: 1) { pageInfo { endCursor } } }`);
    const foreign = cases.data.cases.pageInfo.endCursor as string;
    expect(badUserInput(await gateway.graphql(AUDIT_LOG, { after: foreign })).message).toMatch(
      /another ordering/,
    );
  });
});
