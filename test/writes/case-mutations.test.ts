import type { Document } from "mongodb";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import {
  auditEntriesOf,
  auditTrailOf,
  CASE_FIELDS,
  errorCode,
  insertAlert,
  insertCase,
  insertUser,
  oid,
  snapshot,
  ACTOR,
  expectNoDanglingAlerts,
} from "./support/write-test-kit";
import { expectedCase } from "../helpers/expected-answers";
import { useTestGateway } from "../helpers/use-test-gateway";
import { createdDocument, storedDocument } from "./support/stored-document";

const { db, gateway } = useTestGateway("writes-cases");

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCaseInput!) { updateCase(id: $id, input: $input) { ${CASE_FIELDS} } }`;
const ASSIGN = `mutation($id: ID!, $assigneeId: ID) { assignCase(id: $id, assigneeId: $assigneeId) { ${CASE_FIELDS} } }`;
const ADD_TAGS = `mutation($id: ID!, $tags: [String!]!) { addCaseTags(id: $id, tags: $tags) { ${CASE_FIELDS} } }`;
const REMOVE_TAGS = `mutation($id: ID!, $tags: [String!]!) { removeCaseTags(id: $id, tags: $tags) { ${CASE_FIELDS} } }`;
const DELETE = `mutation($id: ID!) {
  deleteCase(id: $id) { deletedCaseId unlinkedAlertIds case { id title status alertCount } }
}`;

const storedCase = (id: ObjectId | string) => storedDocument(db, "cases", id);

/** What a client should see for a stored case, with the `assignee { id }` the writes select. */
function caseAnswer(document: Document): Document {
  return {
    ...expectedCase(document),
    assignee: document.assignee ? { id: document.assignee.toHexString() } : null,
  };
}

describe("createCase", () => {
  it("stores a new OPEN case — trimmed title, normalized tags, snake_case fields — and answers it", async () => {
    const user = await insertUser(db);
    const startedAt = Date.now();
    const result = await gateway.graphql(CREATE, {
      input: {
        title: "  Disk full on db-1  ",
        description: "  kept as given ",
        severity: "HIGH",
        priority: "CRITICAL",
        assigneeId: user._id.toHexString(),
        tags: [" storage", "db", "storage ", "db"],
        metadata: { region: "eu", nested: { level: 2, list: [1, "a", null, true] } },
      },
    });
    const finishedAt = Date.now();
    const { id, stored } = await createdDocument(db, result, "createCase", "cases");
    expect(stored).toEqual({
      _id: oid(id),
      title: "Disk full on db-1",
      description: "  kept as given ",
      severity: "high",
      status: "open",
      priority: "critical",
      assignee: user._id,
      created_at: expect.any(Date),
      updated_at: expect.any(Date),
      resolved_at: null,
      tags: ["storage", "db"],
      metadata: { region: "eu", nested: { level: 2, list: [1, "a", null, true] } },
    });
    expect(stored!._id).toBeInstanceOf(ObjectId);
    expect(stored!.assignee).toBeInstanceOf(ObjectId);
    expect(stored!.created_at.getTime()).toBeGreaterThanOrEqual(startedAt);
    expect(stored!.created_at.getTime()).toBeLessThanOrEqual(finishedAt);
    expect(stored!.updated_at).toEqual(stored!.created_at);
    expect(result.data.createCase).toEqual(caseAnswer(stored!));

    const [entry, ...more] = await auditEntriesOf(db, id);
    expect(more).toEqual([]);
    expect(entry).toEqual({
      _id: expect.any(ObjectId),
      created_at: stored!.created_at,
      actor: ACTOR,
      action: "case.create",
      collection: "cases",
      target_id: oid(id),
      request_id: expect.any(String),
      changes: {
        title: { before: null, after: "Disk full on db-1" },
        description: { before: null, after: "  kept as given " },
        severity: { before: null, after: "high" },
        status: { before: null, after: "open" },
        priority: { before: null, after: "critical" },
        assignee: { before: null, after: user._id },
        tags: { before: null, after: ["storage", "db"] },
        metadata: { before: null, after: { region: "eu", nested: { level: 2, list: [1, "a", null, true] } } },
      },
    });
  });

  it("fills defaults: empty description, MEDIUM priority, no tags, empty metadata, unassigned", async () => {
    // Inline literals too: a JSONObject literal arrives as an object without prototype.
    const result = await gateway.graphql(
      `mutation { createCase(input: { title: "Minimal", severity: LOW, metadata: { a: { b: [1, 2] } } }) { id } }`,
    );
    expect(result.errors).toBeUndefined();
    const stored = await storedCase(result.data.createCase.id);
    expect(stored).toMatchObject({
      title: "Minimal",
      description: "",
      severity: "low",
      status: "open",
      priority: "medium",
      assignee: null,
      resolved_at: null,
      tags: [],
      metadata: { a: { b: [1, 2] } },
    });
    expect(Object.getPrototypeOf(stored!.metadata)).toBe(Object.prototype);
  });

  it("an assignee that does not exist is NOT_FOUND and nothing is written", async () => {
    const before = await snapshot(db);
    const missing = new ObjectId().toHexString();
    const result = await gateway.graphql(CREATE, {
      input: { title: "Orphan", severity: "LOW", assigneeId: missing },
    });
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(result.errors![0]!.message).toBe(`User ${missing} was not found`);
    expect(await snapshot(db)).toBe(before);
  });
});

describe("updateCase", () => {
  it("sets exactly the given fields, moves updated_at on, keeps created_at, and audits before/after", async () => {
    const seeded = await insertCase(db, {
      title: "Old title",
      description: "Old description",
      severity: "low",
      priority: "low",
      tags: ["a"],
      metadata: { keep: false },
    });
    const result = await gateway.graphql(UPDATE, {
      id: seeded._id.toHexString(),
      input: { title: "  New title ", metadata: { keep: true, list: [{ x: 1 }] }, tags: ["b", " b", "c"] },
    });
    expect(result.errors).toBeUndefined();
    const stored = await storedCase(seeded._id);
    expect(stored).toEqual({
      ...seeded,
      title: "New title",
      tags: ["b", "c"],
      metadata: { keep: true, list: [{ x: 1 }] },
      updated_at: expect.any(Date),
    });
    expect(stored!.updated_at.getTime()).toBeGreaterThan(seeded.updated_at.getTime());
    expect(stored!.created_at).toEqual(seeded.created_at);
    expect(result.data.updateCase).toEqual(caseAnswer(stored!));

    const entries = await auditEntriesOf(db, seeded._id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "case.update",
      collection: "cases",
      created_at: stored!.updated_at,
      changes: {
        title: { before: "Old title", after: "New title" },
        tags: { before: ["a"], after: ["b", "c"] },
        metadata: { before: { keep: false }, after: { keep: true, list: [{ x: 1 }] } },
      },
    });
    expect(Object.keys(entries[0]!.changes).sort()).toEqual(["metadata", "tags", "title"]);
  });

  it("moves updated_at on even when the values do not change, and lists no changes", async () => {
    const seeded = await insertCase(db, { title: "Same", updated_at: new Date() });
    const first = await gateway.graphql(UPDATE, { id: seeded._id.toHexString(), input: { title: "Same" } });
    const second = await gateway.graphql(UPDATE, { id: seeded._id.toHexString(), input: { title: "Same" } });
    expect(first.errors ?? second.errors).toBeUndefined();
    const times = [seeded.updated_at, first.data.updateCase.updatedAt, second.data.updateCase.updatedAt].map(
      (value) => new Date(value).getTime(),
    );
    expect(times[1]).toBeGreaterThan(times[0]!);
    expect(times[2]).toBeGreaterThan(times[1]!);
    const entries = await auditEntriesOf(db, seeded._id);
    expect(entries.map((entry) => entry.changes)).toEqual([{}, {}]);
  });

  it("an unknown case is NOT_FOUND", async () => {
    const before = await snapshot(db);
    const result = await gateway.graphql(UPDATE, { id: new ObjectId().toHexString(), input: { title: "x" } });
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(await snapshot(db)).toBe(before);
  });
});

describe("assignCase", () => {
  it("assigns to an existing user, unassigns with null, and audits each", async () => {
    const user = await insertUser(db);
    const seeded = await insertCase(db);
    const id = seeded._id.toHexString();

    const assigned = await gateway.graphql(ASSIGN, { id, assigneeId: user._id.toHexString() });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignCase.assignee).toEqual({ id: user._id.toHexString() });
    expect((await storedCase(id))!.assignee).toEqual(user._id);

    const unassigned = await gateway.graphql(ASSIGN, { id, assigneeId: null });
    expect(unassigned.errors).toBeUndefined();
    expect(unassigned.data.assignCase.assignee).toBeNull();
    const stored = await storedCase(id);
    expect(stored!.assignee).toBeNull();
    expect(unassigned.data.assignCase).toEqual(caseAnswer(stored!));

    expect(await auditTrailOf(db, id)).toEqual([
      ["case.assign", { assignee: { before: null, after: user._id } }],
      ["case.assign", { assignee: { before: user._id, after: null } }],
    ]);
  });

  it("a user that does not exist is NOT_FOUND and the case is unchanged", async () => {
    const seeded = await insertCase(db);
    const before = await snapshot(db);
    const missing = new ObjectId().toHexString();
    const result = await gateway.graphql(ASSIGN, { id: seeded._id.toHexString(), assigneeId: missing });
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(result.errors![0]!.message).toContain(missing);
    expect(await snapshot(db)).toBe(before);
  });
});

describe("addCaseTags / removeCaseTags", () => {
  it("adds the missing tags after the case's own and removes the given ones", async () => {
    const seeded = await insertCase(db, { tags: ["a", "b"] });
    const id = seeded._id.toHexString();
    const added = await gateway.graphql(ADD_TAGS, { id, tags: [" b", "c", "c", "d "] });
    expect(added.errors).toBeUndefined();
    expect((await storedCase(id))!.tags).toEqual(["a", "b", "c", "d"]);
    expect(added.data.addCaseTags.tags).toEqual(["a", "b", "c", "d"]);

    const removed = await gateway.graphql(REMOVE_TAGS, { id, tags: ["a", "not-there", " d"] });
    expect(removed.errors).toBeUndefined();
    const stored = await storedCase(id);
    expect(stored!.tags).toEqual(["b", "c"]);
    expect(removed.data.removeCaseTags).toEqual(caseAnswer(stored!));

    expect(await auditTrailOf(db, id)).toEqual([
      ["case.tags.add", { tags: { before: ["a", "b"], after: ["a", "b", "c", "d"] } }],
      ["case.tags.remove", { tags: { before: ["a", "b", "c", "d"], after: ["b", "c"] } }],
    ]);
  });

  it("a case never gets more than 50 tags", async () => {
    const tags = Array.from({ length: 48 }, (_, index) => `t${index}`);
    const seeded = await insertCase(db, { tags });
    const id = seeded._id.toHexString();
    const before = await snapshot(db);
    const tooMany = await gateway.graphql(ADD_TAGS, { id, tags: ["x", "y", "z", "t0"] });
    expect(errorCode(tooMany)).toBe("BAD_USER_INPUT");
    expect(tooMany.errors![0]!.extensions?.validationErrors).toEqual([
      { path: "tags", constraint: "maxTags", message: expect.stringContaining("50") },
    ]);
    expect(await snapshot(db)).toBe(before);

    const fits = await gateway.graphql(ADD_TAGS, { id, tags: ["x", "y", "t0"] });
    expect(fits.errors).toBeUndefined();
    expect((await storedCase(id))!.tags).toEqual([...tags, "x", "y"]);
  });
});

describe("deleteCase", () => {
  it("deletes the case, unlinks its alerts (case_id null) and leaves the others alone", async () => {
    const doomed = await insertCase(db, { title: "Doomed" });
    const other = await insertCase(db, { title: "Other" });
    const linked = await Promise.all([1, 2, 3].map(() => insertAlert(db, { case_id: doomed._id })));
    const elsewhere = await insertAlert(db, { case_id: other._id });

    const result = await gateway.graphql(DELETE, { id: doomed._id.toHexString() });
    expect(result.errors).toBeUndefined();
    const payload = result.data.deleteCase;
    expect(payload.deletedCaseId).toBe(doomed._id.toHexString());
    expect(payload.case).toEqual({
      id: doomed._id.toHexString(),
      title: "Doomed",
      status: "OPEN",
      alertCount: 0,
    });
    expect([...payload.unlinkedAlertIds].sort()).toEqual(
      linked.map((alert) => alert._id.toHexString()).sort(),
    );

    expect(await storedCase(doomed._id)).toBeNull();
    for (const alert of linked) {
      const stored = await db.collection("alerts").findOne({ _id: alert._id });
      expect(stored).toMatchObject({ ...alert, case_id: null });
    }
    expect(await db.collection("alerts").findOne({ _id: elsewhere._id })).toEqual(elsewhere);
    await expectNoDanglingAlerts(db);

    const entries = await auditEntriesOf(db, doomed._id);
    expect(entries).toHaveLength(1);
    const expectedChanges = Object.fromEntries(
      Object.entries(doomed)
        .filter(([field, value]) => !["_id", "created_at", "updated_at"].includes(field) && value !== null)
        .map(([field, value]) => [field, { before: value, after: null }]),
    );
    expect(entries[0]).toMatchObject({
      action: "case.delete",
      collection: "cases",
      changes: expectedChanges,
    });
    expect(
      (entries[0]!.details.unlinked_alert_ids as ObjectId[]).map((alertId) => alertId.toHexString()).sort(),
    ).toEqual(linked.map((alert) => alert._id.toHexString()).sort());
  });

  it("an unknown case is NOT_FOUND", async () => {
    const before = await snapshot(db);
    expect(errorCode(await gateway.graphql(DELETE, { id: new ObjectId().toHexString() }))).toBe("NOT_FOUND");
    expect(await snapshot(db)).toBe(before);
  });
});

describe("loaders within one request", () => {
  it("a later field of the same request sees what an earlier mutation wrote", async () => {
    const seeded = await insertCase(db, { title: "Original" });
    const [first, second] = await Promise.all([insertAlert(db), insertAlert(db)]);
    const result = await gateway.graphql(
      `mutation($case: ID!, $first: ID!, $second: ID!) {
        one: linkAlertToCase(alertId: $first, caseId: $case) { case { title alertCount alerts { id } } }
        rename: updateCase(id: $case, input: { title: "Renamed" }) { id }
        two: linkAlertToCase(alertId: $second, caseId: $case) { case { title alertCount alerts { id } } }
      }`,
      { case: seeded._id.toHexString(), first: first._id.toHexString(), second: second._id.toHexString() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.one.case).toEqual({
      title: "Original",
      alertCount: 1,
      alerts: [{ id: first._id.toHexString() }],
    });
    expect(result.data.two.case.title).toBe("Renamed");
    expect(result.data.two.case.alertCount).toBe(2);
    expect(result.data.two.case.alerts.map((alert: { id: string }) => alert.id).sort()).toEqual(
      [first, second].map((alert) => alert._id.toHexString()).sort(),
    );
  });

  it("a user renamed earlier in the request is seen renamed through a case's assignee", async () => {
    const user = await insertUser(db, { name: "Before" });
    const seeded = await insertCase(db);
    const result = await gateway.graphql(
      `mutation($case: ID!, $user: ID!) {
        one: assignCase(id: $case, assigneeId: $user) { assignee { name } }
        rename: updateUser(id: $user, input: { name: "After" }) { id }
        two: assignCase(id: $case, assigneeId: $user) { assignee { name } }
      }`,
      { case: seeded._id.toHexString(), user: user._id.toHexString() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.one.assignee.name).toBe("Before");
    expect(result.data.two.assignee.name).toBe("After");
  });
});
