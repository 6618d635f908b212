import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../src/audit/audit-actions";
import { AuditTrail } from "../../src/audit/audit-trail";
import { fieldChanges } from "../../src/audit/field-changes";
import { ANONYMOUS_ACTOR, requestIdOf, writeOrigin } from "../../src/context";
import { useTestDatabase } from "../helpers/use-test-database";

const database = useTestDatabase("writes-audit-trail");

describe("what an audit entry records", () => {
  it("the actor and request id come from the request context", () => {
    expect(ANONYMOUS_ACTOR).toBe("anonymous");
    expect(writeOrigin({ caller: { actor: "api-key-7", requestId: "r-1", ip: "::1" } as never })).toEqual({
      actor: "api-key-7",
      requestId: "r-1",
    });
  });

  it("the request id is the x-request-id header when sensible, else Fastify's id", () => {
    expect(requestIdOf({ id: "req-9", headers: { "x-request-id": "trace-abc_1.2" } })).toBe("trace-abc_1.2");
    expect(requestIdOf({ id: "req-9", headers: {} })).toBe("req-9");
    expect(requestIdOf({ id: "req-9", headers: { "x-request-id": "has space" } })).toBe("req-9");
    expect(requestIdOf({ id: "req-9", headers: { "x-request-id": "x".repeat(129) } })).toBe("req-9");
  });

  it("stores one document with the origin, the stored-name changes and the time of the write", async () => {
    const trail = new AuditTrail(database.db.collection("audit_logs"));
    const targetId = new ObjectId();
    const at = new Date("2025-01-02T03:04:05.678Z");
    const assignee = new ObjectId();
    const entry = await trail.record(
      {
        action: AUDIT_ACTIONS.caseAssign,
        collection: "cases",
        targetId,
        before: { _id: targetId, title: "T", assignee: null, updated_at: new Date(0) },
        after: { _id: targetId, title: "T", assignee, updated_at: at },
        at,
      },
      { actor: "user-42", requestId: "req-abc" },
    );
    const stored = await database.db.collection("audit_logs").findOne({ _id: entry._id });
    expect(stored).toEqual({
      _id: entry._id,
      created_at: at,
      actor: "user-42",
      action: "case.assign",
      collection: "cases",
      target_id: targetId,
      changes: { assignee: { before: null, after: assignee } },
      request_id: "req-abc",
    });
  });

  it("changes compare stored values exactly: ids, dates, lists and objects by value; absent is null", () => {
    const id = new ObjectId();
    const date = new Date(5);
    expect(
      fieldChanges(
        {
          a: new ObjectId(id.toHexString()),
          b: new Date(5),
          c: [1, { x: 1 }],
          d: { y: [2] },
          e: "same",
          gone: 1,
        },
        { a: id, b: date, c: [1, { x: 1 }], d: { y: [3] }, e: "same", added: null, created_at: date },
      ),
    ).toEqual({ d: { before: { y: [2] }, after: { y: [3] } }, gone: { before: 1, after: null } });
  });
});
