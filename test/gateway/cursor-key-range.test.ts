import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useIncidentGateway } from "./fixtures/use-incident-gateway";

const { database, gateway } = useIncidentGateway("cursor_key_range", {
  users: 3,
  cases: 8,
  alerts: 4,
  seed: 11,
});

const CASES_PAGE = `query Page($orderBy: CaseOrder, $first: Int, $after: String) {
  cases(orderBy: $orderBy, first: $first, after: $after) { edges { node { id } } pageInfo { endCursor } }
}`;

interface CursorBody {
  v: number;
  o: string;
  k: number[];
  i: string;
}

/**
 * Re-signs a cursor with another sort key, as anyone can: the cursor format and its
 * MAC key are public (the MAC guards against accidental edits, not attackers). Written
 * here from the format's description, not with the gateway's encoder.
 */
function withKey(cursor: string, key: number[]): string {
  const body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorBody;
  const forged = { v: body.v, o: body.o, k: key, i: body.i };
  const m = createHmac("sha256", "jupiter-gateway/page-cursor/v1")
    .update(JSON.stringify([forged.v, forged.o, forged.k, forged.i]))
    .digest("base64url")
    .slice(0, 16);
  return Buffer.from(JSON.stringify({ ...forged, m })).toString("base64url");
}

async function endCursor(orderBy: unknown): Promise<string> {
  const result = await gateway.graphql(CASES_PAGE, { orderBy, first: 2 });
  expect(result.errors).toBeUndefined();
  return result.data.cases.pageInfo.endCursor as string;
}

describe("a cursor's key must decode to a valid value of its sort field", () => {
  it.each([[1e20], [-1e20], [8.64e15 + 1], [1.5], [Number.MAX_SAFE_INTEGER]])(
    "a CREATED_AT cursor with key %s is BAD_USER_INPUT, before any database command",
    async (key) => {
      const cursor = withKey(await endCursor({ field: "CREATED_AT", direction: "DESC" }), [key]);
      gateway.resetCommands();
      const result = await gateway.graphql(CASES_PAGE, {
        orderBy: { field: "CREATED_AT", direction: "DESC" },
        first: 2,
        after: cursor,
      });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.body)).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toMatch(/Invalid cursor in argument "after".*not a valid date/);
      expect(gateway.commands.filter((event) => event.commandName === "find")).toEqual([]);
    },
  );

  it.each([[0], [5], [2.5], [-1]])("a SEVERITY cursor with rank %s is BAD_USER_INPUT", async (key) => {
    const cursor = withKey(await endCursor({ field: "SEVERITY", direction: "DESC" }), [key]);
    const result = await gateway.graphql(CASES_PAGE, {
      orderBy: { field: "SEVERITY", direction: "DESC" },
      first: 2,
      after: cursor,
    });
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.body)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/Invalid cursor/);
  });

  it("the extremes of the Date range are valid positions: before every case, or after every case", async () => {
    const cursor = await endCursor({ field: "CREATED_AT", direction: "DESC" });
    const total = await database.db.collection("cases").countDocuments();
    const fromTop = await gateway.graphql(CASES_PAGE, {
      orderBy: { field: "CREATED_AT", direction: "DESC" },
      first: 100,
      after: withKey(cursor, [8.64e15]),
    });
    expect(fromTop.errors).toBeUndefined();
    expect(fromTop.data.cases.edges).toHaveLength(total);
    const pastBottom = await gateway.graphql(CASES_PAGE, {
      orderBy: { field: "CREATED_AT", direction: "DESC" },
      first: 100,
      after: withKey(cursor, [-8.64e15]),
    });
    expect(pastBottom.errors).toBeUndefined();
    expect(pastBottom.data.cases.edges).toEqual([]);
  });
});
