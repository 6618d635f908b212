import { describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/seed/seed-demo-data";
import { useTestGateway } from "../helpers/use-test-gateway";

/**
 * Argument validation is shared between calls that see the same argument object (every
 * node of a page, every poll), never its verdict between settings: the same
 * `first: 150` is refused by a gateway with MAX_PAGE_SIZE=100 and accepted by one with
 * 200, in any order, in one process. And a shared verdict still refuses every call.
 */
const seed = (db: Parameters<typeof seedDemoData>[0]) =>
  seedDemoData(db, { users: 5, cases: 6, alerts: 40, seed: 7, now: new Date("2026-11-01T00:00:00Z") }).then(
    () => undefined,
  );
const strict = useTestGateway("argument-validation-reuse-100", { seed, gateway: { maxPageSize: 100 } });
const lenient = useTestGateway("argument-validation-reuse-200", { seed, gateway: { maxPageSize: 200 } });

const CASES = `query Cases($first: Int) { cases(first: $first) { edges { node { id } } } }`;
const PAGE_WITH_ALERTS = `query Page($alerts: Int) {
  cases(first: 3) { edges { node { id alerts(first: $alerts) { id } } } }
}`;

describe("argument validation outcomes reused across calls", () => {
  it("depend on MAX_PAGE_SIZE: the same arguments, refused by one gateway and accepted by the other", async () => {
    for (let round = 0; round < 2; round++) {
      const refused = await strict.gateway.graphql(CASES, { first: 150 });
      expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(refused.errors?.[0]?.message).toMatch(/MAX_PAGE_SIZE/);
      const accepted = await lenient.gateway.graphql(CASES, { first: 150 });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data.cases.edges).toHaveLength(6);
    }
  });

  it("refuse a page whose nodes' field arguments break a rule, before any alert is read", async () => {
    for (let round = 0; round < 2; round++) {
      strict.gateway.resetCommands();
      const result = await strict.gateway.graphql(PAGE_WITH_ALERTS, { alerts: 0 });
      // Case.alerts is non-null: the first refusal nulls the page (graphql-js reports that one).
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors ?? []) {
        expect(error.path).toEqual(["cases", "edges", expect.any(Number), "node", "alerts"]);
        expect(error.extensions?.code).toBe("BAD_USER_INPUT");
        expect(error.extensions?.invalidArguments).toEqual([
          { argument: "first", message: expect.stringMatching(/got 0/) },
        ]);
      }
      const alertCommands = strict.gateway.commands.filter(
        (event) => (event.command as { aggregate?: unknown }).aggregate === "alerts",
      );
      expect(alertCommands).toHaveLength(0);
    }
  });

  it("accept valid field arguments on every node, each answered", async () => {
    const result = await strict.gateway.graphql(PAGE_WITH_ALERTS, { alerts: 2 });
    expect(result.errors).toBeUndefined();
    expect(result.data.cases.edges).toHaveLength(3);
    for (const edge of result.data.cases.edges) expect(edge.node.alerts.length).toBeLessThanOrEqual(2);
  });
});
