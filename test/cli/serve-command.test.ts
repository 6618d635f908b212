import { randomBytes } from "node:crypto";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, inject, it } from "vitest";
import { signTestJwt } from "../helpers/test-jwt";
import { startCommand } from "./support/run-command";

/**
 * `npx jupiter serve` as the README shows it, against a given MONGODB_URI: it prints
 * the playground URL and serves authenticated GraphQL there.
 */
describe("npx jupiter serve", () => {
  const dbName = `test_serve_cmd_${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(24).toString("hex");

  afterAll(async () => {
    const client = await MongoClient.connect(inject("mongoUri"));
    await client
      .db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
  });

  it("serves GraphQL on the URL it prints", async () => {
    const serve = startCommand("npx", ["jupiter", "serve"], {
      env: {
        MONGODB_URI: inject("mongoUri"),
        MONGODB_DB: dbName,
        MONGODB_ENGINE: "",
        JWT_SECRET: secret,
        HOST: "127.0.0.1",
        PORT: "0",
        LOG_LEVEL: "warn",
      },
    });
    try {
      const [, url] = await serve.waitFor(/Playground: (\S+)/);
      const response = await fetch(url!, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${await signTestJwt("viewer", { secret })}`,
        },
        body: JSON.stringify({ query: "{ me { role } cases(first: 1) { totalCount } }" }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { me: { role: "VIEWER" }, cases: { totalCount: 0 } } });
    } finally {
      await serve.stop();
    }
  });
});
