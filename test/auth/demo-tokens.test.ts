import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { demoPlaygroundHeaders, issueDemoTokens, randomJwtSecret } from "../../src/auth/demo-tokens";
import { useTestGateway } from "../helpers/use-test-gateway";

const secret = randomJwtSecret();

const { database, gateway } = useTestGateway("demo-tokens", {
  seed: async (db) => {
    const now = new Date();
    await db.collection("users").insertMany(
      ["admin", "analyst", "responder", "viewer"].map((role) => ({
        _id: new ObjectId(),
        email: `${role}@example.com`,
        name: `Demo ${role}`,
        role,
        settings: {},
        created_at: now,
        last_login: null,
      })),
    );
  },
  gateway: { auth: { jwtSecret: secret }, authorization: null },
});

describe("demo mode tokens (`jupiter serve` without JWT_SECRET)", () => {
  it("one working Bearer token per role, for a user of that role", async () => {
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const tokens = await issueDemoTokens(database.db, secret);
    expect(tokens.map((t) => t.role).sort()).toEqual(["admin", "analyst", "responder", "viewer"]);
    for (const { role, token, userName } of tokens) {
      const result = await gateway.graphql(`{ me { role user { name } } }`, undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(result.data).toEqual({ me: { role: role.toUpperCase(), user: { name: userName } } });
    }
    expect(demoPlaygroundHeaders(tokens)?.Authorization).toBe(
      `Bearer ${tokens.find((t) => t.role === "admin")!.token}`,
    );
  });
});
