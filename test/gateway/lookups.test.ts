import type { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import type { CaseDocument } from "../../src/db/case.document";
import { expectedAlert, expectedCase, expectedUser } from "../helpers/expected-answers";
import { ids, sortedBy } from "./fixtures/expected-order";
import { useIncidentGateway } from "./fixtures/use-incident-gateway";
import { byName } from "../helpers/by-name";

const { gateway, fixture } = useIncidentGateway("lookups", { users: 6, cases: 25, alerts: 120, seed: 5 });

const CASE_FIELDS = `id title description severity status priority createdAt updatedAt resolvedAt resolutionTimeSeconds tags metadata`;
const ALERT_FIELDS = `id type source severity message timestamp resolved resolution`;
const USER_FIELDS = `id email name role settings createdAt lastLogin`;

const newestAlertsOf = (caseDocument: CaseDocument, keep: (a: AlertDocument) => boolean = () => true) =>
  sortedBy(
    fixture.alerts.filter((a) => a.case_id?.equals(caseDocument._id) && keep(a)),
    (a) => a.timestamp.getTime(),
    -1,
  );

/**
 * A to-one relation as a table row: a parent that has the target and one that has none, and the
 * target's expected GraphQL form, picked from the fixture once it is loaded.
 */
function toOne<P extends { _id: ObjectId }, T extends { _id: ObjectId }>(row: {
  name: string;
  parent: string;
  relation: string;
  fields: string;
  parents: () => P[];
  targetId: (parent: P) => ObjectId | null | undefined;
  targets: () => T[];
  expected: (target: T) => object;
}) {
  const pick = () => {
    const linked = row.parents().find((p) => row.targetId(p))!;
    const loose = row.parents().find((p) => !row.targetId(p))!;
    const target = row.targets().find((t) => t._id.equals(row.targetId(linked)!))!;
    return { linked: linked._id, loose: loose._id, expected: row.expected(target) };
  };
  return { ...row, pick };
}

describe("lookups by id", () => {
  it("case(id) maps every stored field to the API's camelCase form", async () => {
    for (const c of [fixture.cases[0]!, fixture.cases.find((c) => c.resolved_at)!]) {
      const result = await gateway.graphql(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, {
        id: c._id.toHexString(),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.case).toEqual(expectedCase(c));
    }
  });

  it("alert(id) and user(id) map every field", async () => {
    const alert = fixture.alerts.find((a) => a.resolved)!;
    const user = fixture.users[0]!;
    const result = await gateway.graphql(
      `query($alert: ID!, $user: ID!) { alert(id: $alert) { ${ALERT_FIELDS} } user(id: $user) { ${USER_FIELDS} } }`,
      { alert: alert._id.toHexString(), user: user._id.toHexString() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.alert).toEqual(expectedAlert(alert));
    expect(result.data.user).toEqual(expectedUser(user));
  });
});

describe("relations", () => {
  it.each(
    byName([
      toOne({
        name: "Case.assignee is the assigned user, null when unassigned",
        parent: "case",
        relation: "assignee",
        fields: USER_FIELDS,
        parents: () => fixture.cases,
        targetId: (c) => c.assignee,
        targets: () => fixture.users,
        expected: expectedUser,
      }),
      toOne({
        name: "Alert.case is the case, null for an alert without one",
        parent: "alert",
        relation: "case",
        fields: CASE_FIELDS,
        parents: () => fixture.alerts,
        targetId: (a) => a.case_id,
        targets: () => fixture.cases,
        expected: expectedCase,
      }),
    ]),
  )("%s", async (_name, { parent, relation, fields, pick }) => {
    const { linked, loose, expected } = pick();
    const result = await gateway.graphql(
      `query($a: ID!, $b: ID!) { a: ${parent}(id: $a) { ${relation} { ${fields} } } b: ${parent}(id: $b) { ${relation} { id } } }`,
      { a: linked.toHexString(), b: loose.toHexString() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.a[relation]).toEqual(expected);
    expect(result.data.b[relation]).toBeNull();
  });

  it("Case.alerts lists the newest alerts first, honouring resolved and first; alertCount counts", async () => {
    const busiest = [...fixture.cases].sort(
      (a, b) => newestAlertsOf(b).length - newestAlertsOf(a).length,
    )[0]!;
    expect(newestAlertsOf(busiest).length).toBeGreaterThan(4);
    const result = await gateway.graphql(
      `query($id: ID!) { case(id: $id) {
        all: alerts { ${ALERT_FIELDS} }
        firstThree: alerts(first: 3) { id }
        open: alerts(resolved: false) { id }
        closed: alerts(resolved: true, first: 2) { id }
        alertCount
        openCount: alertCount(resolved: false)
        closedCount: alertCount(resolved: true)
      } }`,
      { id: busiest._id.toHexString() },
    );
    expect(result.errors).toBeUndefined();
    const node = result.data.case;
    expect(node.all).toEqual(newestAlertsOf(busiest).slice(0, 20).map(expectedAlert));
    expect(node.firstThree.map((a: { id: string }) => a.id)).toEqual(
      ids(newestAlertsOf(busiest).slice(0, 3)),
    );
    expect(node.open.map((a: { id: string }) => a.id)).toEqual(
      ids(newestAlertsOf(busiest, (a) => !a.resolved)),
    );
    expect(node.closed.map((a: { id: string }) => a.id)).toEqual(
      ids(newestAlertsOf(busiest, (a) => a.resolved).slice(0, 2)),
    );
    expect(node.alertCount).toBe(newestAlertsOf(busiest).length);
    expect(node.openCount).toBe(newestAlertsOf(busiest, (a) => !a.resolved).length);
    expect(node.closedCount).toBe(newestAlertsOf(busiest, (a) => a.resolved).length);
  });

  it("a case without alerts has an empty list and a zero count", async () => {
    const quiet = fixture.cases.find((c) => newestAlertsOf(c).length === 0);
    if (!quiet) return;
    const result = await gateway.graphql(`query($id: ID!) { case(id: $id) { alerts { id } alertCount } }`, {
      id: quiet._id.toHexString(),
    });
    expect(result.data.case).toEqual({ alerts: [], alertCount: 0 });
  });

  it("User.assignedCases (newest first, status filter, first) and openCaseCount", async () => {
    for (const user of fixture.users) {
      const mine = fixture.cases.filter((c) => c.assignee?.equals(user._id));
      const newest = (keep: (c: CaseDocument) => boolean) =>
        ids(sortedBy(mine.filter(keep), (c) => c.created_at.getTime(), -1));
      const result = await gateway.graphql(
        `query($id: ID!) { user(id: $id) {
          all: assignedCases { id }
          two: assignedCases(first: 2) { id }
          done: assignedCases(status: [RESOLVED, CLOSED]) { id }
          openCaseCount
        } }`,
        { id: user._id.toHexString() },
      );
      expect(result.errors).toBeUndefined();
      const node = result.data.user;
      expect(node.all.map((c: { id: string }) => c.id)).toEqual(newest(() => true).slice(0, 20));
      expect(node.two.map((c: { id: string }) => c.id)).toEqual(newest(() => true).slice(0, 2));
      expect(node.done.map((c: { id: string }) => c.id)).toEqual(
        newest((c) => ["resolved", "closed"].includes(c.status)),
      );
      expect(node.openCaseCount).toBe(mine.filter((c) => ["open", "in_progress"].includes(c.status)).length);
    }
  });
});
