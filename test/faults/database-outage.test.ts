import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import {
  eventually,
  type GatewayProcess,
  postGraphQL,
  startGatewayProcess,
} from "../helpers/gateway-process";
import { bearer } from "../helpers/test-jwt";
import { useEngineProcess } from "../helpers/use-engine-process";

/**
 * The whole request is bounded by DB_UNAVAILABLE_TIMEOUT_MS (src/resilience/outage-deadline.hook.ts),
 * not each server selection: the bound is the timeout plus a fixed slack for a loaded machine,
 * below two selection rounds (2 × 3,000 ms), so a request that waited twice fails the test.
 */
const UNAVAILABLE_TIMEOUT_MS = 3_000;
const ANSWER_BOUND_MS = UNAVAILABLE_TIMEOUT_MS + 2_500;
const QUERY = `{ cases(first: 1) { totalCount } }`;

const engine = useEngineProcess("outage");
let gateway: GatewayProcess;
/** Without the shared rate limit, so that the outage meets the resolvers, not the limiter. */
let unlimited: GatewayProcess;
let auth: Record<string, string>;
let writer: Record<string, string>;

beforeAll(async () => {
  const env = {
    MONGODB_URI: engine.uri,
    MONGODB_DB: "outage",
    DB_UNAVAILABLE_TIMEOUT_MS: String(UNAVAILABLE_TIMEOUT_MS),
  };
  [gateway, unlimited] = await Promise.all([
    startGatewayProcess(env),
    startGatewayProcess({ ...env, RATE_LIMIT_PER_MINUTE: "0" }),
  ]);
  auth = await bearer(UserRole.ANALYST);
  writer = await bearer(UserRole.RESPONDER);
});

afterAll(async () => {
  await Promise.all([gateway?.kill(), unlimited?.kill()]);
});

describe("the database killed while the gateway serves", () => {
  it("answers 503 DATABASE_UNAVAILABLE with Retry-After, readyz 503, healthz 200; recovers without a restart", async () => {
    for (const instance of [gateway, unlimited]) {
      const before = await postGraphQL(instance.url, QUERY, {}, auth);
      expect(before.status).toBe(200);
      expect(before.body.data?.cases.totalCount).toBe(0);
    }

    await engine.kill();
    const answers = await Promise.all([
      // The shared rate limit, the resolvers (a query and a mutation), an API key lookup.
      ...Array.from({ length: 3 }, () => postGraphQL(gateway.url, QUERY, {}, auth)),
      ...Array.from({ length: 3 }, () => postGraphQL(unlimited.url, QUERY, {}, auth)),
      postGraphQL(
        unlimited.url,
        `mutation { createCase(input: { title: "during the outage", severity: LOW }) { id } }`,
        {},
        writer,
      ),
      postGraphQL(unlimited.url, QUERY, {}, { authorization: "ApiKey some-key-the-database-must-check" }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe("1");
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);
      expect(answer.elapsedMs).toBeLessThan(ANSWER_BOUND_MS);
    }
    for (const instance of [gateway, unlimited]) {
      expect((await fetch(`${instance.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${instance.url}/healthz`)).status).toBe(200);
    }

    // Back on the same port and data directory: served again, no gateway restart.
    await engine.restart();
    for (const instance of [gateway, unlimited]) {
      const recovered = await eventually(
        async () => (await postGraphQL(instance.url, QUERY, {}, auth)).status === 200,
        30_000,
      );
      expect(recovered).toBe(true);
      expect((await fetch(`${instance.url}/readyz`)).status).toBe(200);
    }
  });
});
