import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type EngineProcess, freePort, startEngineProcess } from "../helpers/engine-process";
import {
  eventually,
  type GatewayProcess,
  postGraphQL,
  startGatewayProcess,
} from "../helpers/gateway-process";
import { bearer } from "../helpers/test-jwt";

/** Short, so that the test is quick; the contract is the same for the default 2,000 ms. */
const UNAVAILABLE_TIMEOUT_MS = 1_000;
/** Generous: the driver may retry a read once; load must not flip the verdict. */
const ANSWER_BOUND_MS = 2 * UNAVAILABLE_TIMEOUT_MS + 6_000;
const QUERY = `{ cases(first: 1) { totalCount } }`;

let dataDir: string;
let port: number;
let engine: EngineProcess;
let gateway: GatewayProcess;
let auth: Record<string, string>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-outage-"));
  port = await freePort();
  engine = await startEngineProcess(port, dataDir);
  gateway = await startGatewayProcess({
    MONGODB_URI: engine.uri,
    MONGODB_DB: "outage",
    DB_UNAVAILABLE_TIMEOUT_MS: String(UNAVAILABLE_TIMEOUT_MS),
  });
  auth = await bearer(UserRole.ANALYST);
});

afterAll(async () => {
  await gateway?.kill();
  await engine?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the database killed while the gateway serves", () => {
  it("answers 503 DATABASE_UNAVAILABLE with Retry-After, readyz 503, healthz 200; recovers without a restart", async () => {
    const before = await postGraphQL(gateway.url, QUERY, {}, auth);
    expect(before.status).toBe(200);
    expect(before.body.data?.cases.totalCount).toBe(0);

    await engine.kill();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postGraphQL(gateway.url, QUERY, {}, auth)),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe("1");
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);
      expect(answer.elapsedMs).toBeLessThan(ANSWER_BOUND_MS);
    }
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);

    // Back on the same port and data directory: served again, no gateway restart.
    engine = await startEngineProcess(port, dataDir);
    const recovered = await eventually(
      async () => (await postGraphQL(gateway.url, QUERY, {}, auth)).status === 200,
      30_000,
    );
    expect(recovered).toBe(true);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    expect(gateway.output()).not.toMatch(/Unexpected error/);
  });
});
