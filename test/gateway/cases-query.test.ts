import { describe, expect, it } from "vitest";
import type { CaseDocument } from "../../src/db/case.document";
import { ids, RANK, sortedBy } from "./fixtures/expected-order";
import { pageThrough } from "./fixtures/page-through";
import { useIncidentGateway } from "./fixtures/use-incident-gateway";

const { gateway, fixture } = useIncidentGateway("cases-query", { users: 8, cases: 90, alerts: 0, seed: 7 });

const newestFirst = (cases: readonly CaseDocument[]) => sortedBy(cases, (c) => c.created_at.getTime(), -1);

const CASES_QUERY = `query Cases($filter: CaseFilter, $orderBy: CaseOrder, $first: Int) {
  cases(filter: $filter, orderBy: $orderBy, first: $first) {
    totalCount
    edges { node { id } }
    pageInfo { hasNextPage }
  }
}`;

describe("Query.cases ordering", () => {
  it("defaults to 20 cases, newest first, ties broken by id descending", async () => {
    const result = await gateway.graphql(CASES_QUERY);
    expect(result.errors).toBeUndefined();
    const expected = ids(newestFirst(fixture.cases)).slice(0, 20);
    expect(result.data.cases.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected);
    expect(result.data.cases.pageInfo.hasNextPage).toBe(true);
    expect(result.data.cases.totalCount).toBe(fixture.cases.length);
  });

  const keys: Record<string, (c: CaseDocument) => number> = {
    CREATED_AT: (c) => c.created_at.getTime(),
    UPDATED_AT: (c) => c.updated_at.getTime(),
    SEVERITY: (c) => RANK[c.severity]!,
    PRIORITY: (c) => RANK[c.priority]!,
  };
  for (const [field, key] of Object.entries(keys)) {
    for (const direction of ["ASC", "DESC"] as const) {
      it(`pages through every case by ${field} ${direction} with no gap and no duplicate`, async () => {
        const served = await pageThrough(gateway, "cases", { orderBy: { field, direction }, first: 7 });
        expect(served).toEqual(ids(sortedBy(fixture.cases, key, direction === "ASC" ? 1 : -1)));
      });
    }
  }

  it("orders severity by rank, critical first, never alphabetically", async () => {
    const result = await gateway.graphql(
      `{ cases(orderBy: { field: SEVERITY }, first: 100) { edges { node { severity } } } }`,
    );
    const severities: string[] = result.data.cases.edges.map(
      (edge: { node: { severity: string } }) => edge.node.severity,
    );
    const firstIndex = (value: string) => severities.indexOf(value);
    const lastIndex = (value: string) => severities.lastIndexOf(value);
    expect(lastIndex("CRITICAL")).toBeLessThan(firstIndex("HIGH"));
    expect(lastIndex("HIGH")).toBeLessThan(firstIndex("MEDIUM"));
    expect(lastIndex("MEDIUM")).toBeLessThan(firstIndex("LOW"));
  });

  it("pages a filtered list in rank order across severity buckets", async () => {
    const filter = { status: ["OPEN", "IN_PROGRESS"], tagsAny: ["network", "database", "auth"] };
    const matching = fixture.cases.filter(
      (c) =>
        ["open", "in_progress"].includes(c.status) &&
        c.tags.some((t) => ["network", "database", "auth"].includes(t)),
    );
    expect(matching.length).toBeGreaterThan(5);
    const served = await pageThrough(gateway, "cases", { filter, orderBy: { field: "SEVERITY" }, first: 2 });
    expect(served).toEqual(ids(sortedBy(matching, (c) => RANK[c.severity]!, -1)));
  });
});

describe("Query.cases severity walk", () => {
  it("visits only the severities the filter allows", async () => {
    const matching = fixture.cases.filter((c) => ["high", "low"].includes(c.severity));
    gateway.resetCommands();
    const result = await gateway.graphql(CASES_QUERY, {
      filter: { severity: ["LOW", "HIGH"] },
      orderBy: { field: "SEVERITY", direction: "DESC" },
      first: 100,
    });
    expect(result.data.cases.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      ids(sortedBy(matching, (c) => RANK[c.severity]!, -1)),
    );
    const finds = gateway.commands.filter((command) => command.commandName === "find");
    expect(finds.map((command) => JSON.stringify(command.command.filter))).toEqual([
      expect.stringContaining('"severity":"high"'),
      expect.stringContaining('"severity":"low"'),
    ]);
  });
});

describe("Query.cases filters", () => {
  // Boundaries taken from the data, so that inclusive/exclusive ends are exercised.
  const createdTimes = () =>
    [...new Set(fixture.cases.map((c) => c.created_at.getTime()))].sort((a, b) => a - b);
  const updatedTimes = () =>
    [...new Set(fixture.cases.map((c) => c.updated_at.getTime()))].sort((a, b) => a - b);

  const filters: [string, () => { filter: Record<string, unknown>; keep: (c: CaseDocument) => boolean }][] = [
    [
      "status",
      () => ({
        filter: { status: ["OPEN", "RESOLVED"] },
        keep: (c) => ["open", "resolved"].includes(c.status),
      }),
    ],
    ["severity", () => ({ filter: { severity: ["CRITICAL"] }, keep: (c) => c.severity === "critical" })],
    [
      "priority",
      () => ({ filter: { priority: ["LOW", "HIGH"] }, keep: (c) => ["low", "high"].includes(c.priority) }),
    ],
    [
      "assigneeId",
      () => {
        const user = fixture.users[1]!;
        return {
          filter: { assigneeId: user._id.toHexString() },
          keep: (c) => c.assignee?.equals(user._id) === true,
        };
      },
    ],
    ["unassigned: true", () => ({ filter: { unassigned: true }, keep: (c) => c.assignee === null })],
    ["unassigned: false", () => ({ filter: { unassigned: false }, keep: (c) => c.assignee !== null })],
    [
      "tagsAny",
      () => ({
        filter: { tagsAny: ["auth", "billing"] },
        keep: (c) => c.tags.includes("auth") || c.tags.includes("billing"),
      }),
    ],
    [
      "tagsAll",
      () => ({
        filter: { tagsAll: ["network", "latency"] },
        keep: (c) => c.tags.includes("network") && c.tags.includes("latency"),
      }),
    ],
    [
      "createdAfter (inclusive) and createdBefore (exclusive)",
      () => {
        const times = createdTimes();
        const from = times[5]!;
        const to = times[15]!;
        return {
          filter: { createdAfter: new Date(from).toISOString(), createdBefore: new Date(to).toISOString() },
          keep: (c) => c.created_at.getTime() >= from && c.created_at.getTime() < to,
        };
      },
    ],
    [
      "updatedAfter and updatedBefore",
      () => {
        const times = updatedTimes();
        const from = times[10]!;
        const to = times[times.length - 10]!;
        return {
          filter: { updatedAfter: new Date(from).toISOString(), updatedBefore: new Date(to).toISOString() },
          keep: (c) => c.updated_at.getTime() >= from && c.updated_at.getTime() < to,
        };
      },
    ],
    [
      "several conditions at once",
      () => ({
        filter: {
          status: ["OPEN", "IN_PROGRESS", "RESOLVED"],
          severity: ["HIGH", "CRITICAL"],
          unassigned: false,
        },
        keep: (c) =>
          ["open", "in_progress", "resolved"].includes(c.status) &&
          ["high", "critical"].includes(c.severity) &&
          c.assignee !== null,
      }),
    ],
    ["an empty list (matches nothing)", () => ({ filter: { status: [] }, keep: () => false })],
  ];

  for (const [name, make] of filters) {
    it(`filters by ${name}`, async () => {
      const { filter, keep } = make();
      const expected = ids(newestFirst(fixture.cases.filter(keep)));
      const result = await gateway.graphql(CASES_QUERY, { filter, first: 100 });
      expect(result.errors).toBeUndefined();
      expect(result.data.cases.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected);
      expect(result.data.cases.totalCount).toBe(expected.length);
      if (name !== "an empty list (matches nothing)") expect(expected.length).toBeGreaterThan(0);
    });
  }

  it("counts only when totalCount is selected", async () => {
    gateway.resetCommands();
    await gateway.graphql(`{ cases(first: 3) { edges { node { id } } } }`);
    const withoutCount = gateway.commands.map((command) => command.commandName);
    gateway.resetCommands();
    await gateway.graphql(`{ cases(first: 3) { totalCount edges { node { id } } } }`);
    const withCount = gateway.commands.map((command) => command.commandName);
    expect(withoutCount).toEqual(["find"]);
    expect(withCount.length).toBe(2);
  });
});
