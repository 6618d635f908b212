import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type EngineProcess, freePort, startEngineProcess } from "../helpers/engine-process";
import {
  eventually,
  type GatewayProcess,
  postGraphQL,
  startGatewayProcess,
} from "../helpers/gateway-process";
import { bearer } from "../helpers/test-jwt";

const QUERY = `{ cases(first: 1) { totalCount } }`;
let dataDir: string | undefined;
let engine: EngineProcess | undefined;
let gateway: GatewayProcess | undefined;

afterAll(async () => {
  await gateway?.kill();
  await engine?.kill();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("starting before the database", () => {
  it("listens at once (healthz 200, readyz 503, GraphQL DATABASE_UNAVAILABLE) and becomes ready by itself", async () => {
    const port = await freePort();
    // Nothing listens on `port` yet.
    gateway = await startGatewayProcess({
      MONGODB_URI: `mongodb://127.0.0.1:${port}/?replicaSet=rs0`,
      MONGODB_DB: "late",
      DB_UNAVAILABLE_TIMEOUT_MS: "500",
    });
    const auth = await bearer(UserRole.ANALYST);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(503);
    const refused = await postGraphQL(gateway.url, QUERY, {}, auth);
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe("1");
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);

    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-late-"));
    engine = await startEngineProcess(port, dataDir);
    expect(await eventually(async () => (await fetch(`${gateway!.url}/readyz`)).status === 200, 30_000)).toBe(
      true,
    );
    const served = await postGraphQL(gateway.url, QUERY, {}, auth);
    expect(served.status).toBe(200);
    expect(served.body.data?.cases.totalCount).toBe(0);
    // The start-up steps ran once the database appeared: the data model's indexes exist.
    const { MongoClient } = await import("mongodb");
    const client = new MongoClient(engine.uri);
    try {
      const indexes = await client.db("late").collection("cases").listIndexes().toArray();
      expect(indexes.length).toBeGreaterThan(1);
    } finally {
      await client.close();
    }
  });
});
