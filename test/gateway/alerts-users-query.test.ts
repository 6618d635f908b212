import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { ids, RANK, sortedBy } from "./fixtures/expected-order";
import { pageThrough } from "./fixtures/page-through";
import { useIncidentGateway } from "./fixtures/use-incident-gateway";

const { gateway, fixture } = useIncidentGateway("alerts-users", {
  users: 40,
  cases: 10,
  alerts: 110,
  seed: 23,
});

const newestAlerts = (alerts: readonly AlertDocument[]) => sortedBy(alerts, (a) => a.timestamp.getTime(), -1);

describe("Query.alerts", () => {
  it("pages newest first by default, and by timestamp or severity rank either way", async () => {
    expect(await pageThrough(gateway, "alerts", { first: 9 })).toEqual(ids(newestAlerts(fixture.alerts)));
    for (const direction of ["ASC", "DESC"] as const) {
      const sign = direction === "ASC" ? 1 : -1;
      const byTime = await pageThrough(gateway, "alerts", {
        orderBy: { field: "TIMESTAMP", direction },
        first: 9,
      });
      expect(byTime).toEqual(ids(sortedBy(fixture.alerts, (a) => a.timestamp.getTime(), sign)));
      const bySeverity = await pageThrough(gateway, "alerts", {
        orderBy: { field: "SEVERITY", direction },
        first: 9,
      });
      expect(bySeverity).toEqual(ids(sortedBy(fixture.alerts, (a) => RANK[a.severity]!, sign)));
    }
  });

  const times = () => [...new Set(fixture.alerts.map((a) => a.timestamp.getTime()))].sort((a, b) => a - b);
  const filters: [string, () => { filter: Record<string, unknown>; keep: (a: AlertDocument) => boolean }][] =
    [
      ["type", () => ({ filter: { type: ["cpu", "disk"] }, keep: (a) => ["cpu", "disk"].includes(a.type) })],
      ["source", () => ({ filter: { source: ["datadog"] }, keep: (a) => a.source === "datadog" })],
      [
        "severity",
        () => ({
          filter: { severity: ["LOW", "CRITICAL"] },
          keep: (a) => ["low", "critical"].includes(a.severity),
        }),
      ],
      ["resolved: true", () => ({ filter: { resolved: true }, keep: (a) => a.resolved })],
      ["resolved: false", () => ({ filter: { resolved: false }, keep: (a) => !a.resolved })],
      [
        "caseId",
        () => {
          const caseId = fixture.cases[2]!._id;
          return {
            filter: { caseId: caseId.toHexString() },
            keep: (a) => a.case_id?.equals(caseId) === true,
          };
        },
      ],
      [
        "timestampAfter (inclusive) and timestampBefore (exclusive)",
        () => {
          const from = times()[3]!;
          const to = times()[12]!;
          return {
            filter: {
              timestampAfter: new Date(from).toISOString(),
              timestampBefore: new Date(to).toISOString(),
            },
            keep: (a) => a.timestamp.getTime() >= from && a.timestamp.getTime() < to,
          };
        },
      ],
      [
        "several conditions",
        () => ({
          filter: {
            type: ["cpu", "memory", "disk"],
            resolved: false,
            severity: ["HIGH", "CRITICAL", "MEDIUM"],
          },
          keep: (a) => ["cpu", "memory", "disk"].includes(a.type) && !a.resolved && a.severity !== "low",
        }),
      ],
    ];
  for (const [name, make] of filters) {
    it(`filters by ${name}`, async () => {
      const { filter, keep } = make();
      const expected = ids(newestAlerts(fixture.alerts.filter(keep)));
      expect(expected.length).toBeGreaterThan(0);
      const result = await gateway.graphql(
        `query($filter: AlertFilter) { alerts(filter: $filter, first: 100) { totalCount edges { node { id } } } }`,
        { filter },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.alerts.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
        expected,
      );
      expect(result.data.alerts.totalCount).toBe(expected.length);
    });
  }
});

describe("Query.users", () => {
  it("pages newest first (createdAt DESC, then id DESC)", async () => {
    const served = await pageThrough(gateway, "users", { first: 6 });
    expect(served).toEqual(ids(sortedBy(fixture.users, (u) => u.created_at.getTime(), -1)));
  });

  it("filters by role and counts", async () => {
    const roles = ["admin", "viewer"];
    const expected = ids(
      sortedBy(
        fixture.users.filter((u) => roles.includes(u.role)),
        (u) => u.created_at.getTime(),
        -1,
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    const result = await gateway.graphql(
      `{ users(filter: { role: [ADMIN, VIEWER] }, first: 100) { totalCount edges { node { id role } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.users.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected);
    expect(result.data.users.totalCount).toBe(expected.length);
  });
});
