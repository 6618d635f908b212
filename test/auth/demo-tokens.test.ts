import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPlaygroundHeaders, issueDemoTokens, randomJwtSecret } from "../../src/auth/demo-tokens";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";

let database: TestDatabase;
let gateway: TestGateway;
const secret = randomJwtSecret();

beforeAll(async () => {
  database = await openTestDatabase("demo-tokens");
  const now = new Date();
  await database.db.collection("users").insertMany(
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
  gateway = await startTestGateway(database, { auth: { jwtSecret: secret }, authorization: null });
});

afterAll(async () => {
  await gateway?.stop();
  await database?.close();
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
