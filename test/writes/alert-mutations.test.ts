import type { Document } from "mongodb";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import {
  ALERT_FIELDS,
  auditEntriesOf,
  auditTrailOf,
  badUserInput,
  errorCode,
  insertAlert,
  insertCase,
  oid,
  snapshot,
  expectNoDanglingAlerts,
} from "./support/write-test-kit";
import { expectedAlert } from "../helpers/expected-answers";
import { useTestGateway } from "../helpers/use-test-gateway";
import { createdDocument, storedDocument } from "./support/stored-document";

const { db, gateway } = useTestGateway("writes-alerts");

const CREATE = `mutation($input: CreateAlertInput!) { createAlert(input: $input) { ${ALERT_FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $resolution: String!) { resolveAlert(id: $id, resolution: $resolution) { ${ALERT_FIELDS} } }`;
const LINK = `mutation($alertId: ID!, $caseId: ID!) { linkAlertToCase(alertId: $alertId, caseId: $caseId) { ${ALERT_FIELDS} } }`;
const UNLINK = `mutation($alertId: ID!) { unlinkAlert(alertId: $alertId) { ${ALERT_FIELDS} } }`;
const DELETE_CASE = `mutation($id: ID!) { deleteCase(id: $id) { deletedCaseId unlinkedAlertIds } }`;

/** What a client should see for a stored alert, with the `case { id }` the writes select. */
function alertAnswer(document: Document): Document {
  return {
    ...expectedAlert(document),
    case: document.case_id ? { id: document.case_id.toHexString() } : null,
  };
}

const storedAlert = (id: ObjectId | string) => storedDocument(db, "alerts", id);

/** Every alert's case_id is null or names a case that exists. */
describe("createAlert", () => {
  it("stores an unresolved alert with trimmed labels and answers it", async () => {
    const target = await insertCase(db);
    const timestamp = new Date("2025-05-01T10:00:00.000Z");
    const result = await gateway.graphql(CREATE, {
      input: {
        type: " cpu ",
        source: "prometheus ",
        severity: "CRITICAL",
        message: " 95% for 5 minutes ",
        timestamp: timestamp.toISOString(),
        caseId: target._id.toHexString(),
      },
    });
    const { id, stored } = await createdDocument(db, result, "createAlert", "alerts");
    expect(stored).toEqual({
      _id: oid(id),
      type: "cpu",
      source: "prometheus",
      severity: "critical",
      message: " 95% for 5 minutes ",
      timestamp,
      case_id: target._id,
      resolved: false,
      resolution: null,
      updated_at: expect.any(Date),
    });
    expect(result.data.createAlert).toEqual(alertAnswer(stored!));
    // Linking writes to the case too: its updated_at moves on.
    const caseAfter = await db.collection("cases").findOne({ _id: target._id });
    expect(caseAfter!.updated_at.getTime()).toBeGreaterThan(target.updated_at.getTime());

    const [entry] = await auditEntriesOf(db, id);
    expect(entry).toMatchObject({
      action: "alert.create",
      collection: "alerts",
      changes: {
        type: { before: null, after: "cpu" },
        source: { before: null, after: "prometheus" },
        severity: { before: null, after: "critical" },
        message: { before: null, after: " 95% for 5 minutes " },
        timestamp: { before: null, after: timestamp },
        case_id: { before: null, after: target._id },
        resolved: { before: null, after: false },
      },
    });
  });

  it("defaults: now as timestamp, empty message, no case", async () => {
    const startedAt = Date.now();
    const result = await gateway.graphql(CREATE, {
      input: { type: "disk", source: "datadog", severity: "LOW" },
    });
    expect(result.errors).toBeUndefined();
    const stored = await storedAlert(result.data.createAlert.id);
    expect(stored).toMatchObject({ message: "", case_id: null, resolved: false, resolution: null });
    expect(stored!.timestamp.getTime()).toBeGreaterThanOrEqual(startedAt);
    expect(stored!.timestamp.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("a case that does not exist is NOT_FOUND and nothing is written", async () => {
    const before = await snapshot(db);
    const missing = new ObjectId().toHexString();
    const result = await gateway.graphql(CREATE, {
      input: { type: "cpu", source: "p", severity: "LOW", caseId: missing },
    });
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(result.errors![0]!.message).toBe(`Case ${missing} was not found`);
    expect(await snapshot(db)).toBe(before);
  });
});

describe("resolveAlert", () => {
  it("resolves an open alert once", async () => {
    const alert = await insertAlert(db);
    const id = alert._id.toHexString();
    const result = await gateway.graphql(RESOLVE, { id, resolution: "  restarted the node " });
    expect(result.errors).toBeUndefined();
    const stored = await storedAlert(id);
    expect(stored).toEqual({
      ...alert,
      resolved: true,
      resolution: "restarted the node",
      updated_at: expect.any(Date),
    });
    expect(result.data.resolveAlert).toEqual(alertAnswer(stored!));
    const entries = await auditEntriesOf(db, id);
    expect(entries.map((entry) => entry.changes)).toEqual([
      { resolved: { before: false, after: true }, resolution: { before: null, after: "restarted the node" } },
    ]);

    const again = badUserInput(await gateway.graphql(RESOLVE, { id, resolution: "again" }));
    expect(again.message).toBe(`Alert ${id} is resolved already`);
    expect(await storedAlert(id)).toEqual(stored);
  });

  it("an unknown alert is NOT_FOUND", async () => {
    const result = await gateway.graphql(RESOLVE, { id: new ObjectId().toHexString(), resolution: "x" });
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});

describe("linkAlertToCase / unlinkAlert", () => {
  it("links, moves and unlinks, auditing case_id each time", async () => {
    const [first, second] = await Promise.all([insertCase(db), insertCase(db)]);
    const alert = await insertAlert(db);
    const id = alert._id.toHexString();

    const linked = await gateway.graphql(LINK, { alertId: id, caseId: first._id.toHexString() });
    expect(linked.errors).toBeUndefined();
    expect((await storedAlert(id))!.case_id).toEqual(first._id);
    expect(linked.data.linkAlertToCase.case).toEqual({ id: first._id.toHexString() });

    const moved = await gateway.graphql(LINK, { alertId: id, caseId: second._id.toHexString() });
    expect(moved.errors).toBeUndefined();
    expect((await storedAlert(id))!.case_id).toEqual(second._id);

    const unlinked = await gateway.graphql(UNLINK, { alertId: id });
    expect(unlinked.errors).toBeUndefined();
    const stored = await storedAlert(id);
    expect(stored!.case_id).toBeNull();
    expect(unlinked.data.unlinkAlert).toEqual(alertAnswer(stored!));

    expect(await auditTrailOf(db, id)).toEqual([
      ["alert.link", { case_id: { before: null, after: first._id } }],
      ["alert.link", { case_id: { before: first._id, after: second._id } }],
      ["alert.unlink", { case_id: { before: second._id, after: null } }],
    ]);
  });

  it("a missing case or alert is NOT_FOUND and nothing is written", async () => {
    const alert = await insertAlert(db);
    const target = await insertCase(db);
    const before = await snapshot(db);
    const missingCase = await gateway.graphql(LINK, {
      alertId: alert._id.toHexString(),
      caseId: new ObjectId().toHexString(),
    });
    expect(errorCode(missingCase)).toBe("NOT_FOUND");
    expect(missingCase.errors![0]!.message).toMatch(/^Case /);
    const missingAlert = await gateway.graphql(LINK, {
      alertId: new ObjectId().toHexString(),
      caseId: target._id.toHexString(),
    });
    expect(errorCode(missingAlert)).toBe("NOT_FOUND");
    expect(missingAlert.errors![0]!.message).toMatch(/^Alert /);
    expect(errorCode(await gateway.graphql(UNLINK, { alertId: new ObjectId().toHexString() }))).toBe(
      "NOT_FOUND",
    );
    expect(await snapshot(db)).toBe(before);
  });
});

describe("deleteCase racing linkAlertToCase", () => {
  it("never leaves an alert pointing to a deleted case", async () => {
    for (let round = 0; round < 3; round++) {
      const target = await insertCase(db, { title: `Race ${round}` });
      const alerts = await Promise.all(
        Array.from({ length: 6 }, (_, index) => insertAlert(db, { case_id: index < 2 ? target._id : null })),
      );
      const caseId = target._id.toHexString();
      const links = alerts.map((alert) =>
        gateway.graphql(LINK, { alertId: alert._id.toHexString(), caseId }),
      );
      const deletion = gateway.graphql(DELETE_CASE, { id: caseId });
      const results = await Promise.all([...links, deletion]);
      for (const result of results) {
        if (result.errors) expect(result.errors[0]!.extensions?.code).toBe("NOT_FOUND");
      }
      expect(results.at(-1)!.errors).toBeUndefined();
      expect(await db.collection("cases").findOne({ _id: target._id })).toBeNull();
      await expectNoDanglingAlerts(db);
      // A link that answered successfully happened before the delete, which then released it.
      for (const alert of alerts) expect((await storedAlert(alert._id))!.case_id).toBeNull();
    }
  });
});
