import { describe, expect, it } from "vitest";
import { UserRole } from "../../src/domain/user-role.enum";
import { loadConfig } from "../../src/config";
import { ConfigError } from "../../src/errors/config-error";
import { signTestJwt } from "../helpers/test-jwt";
import { useTestGateway } from "../helpers/use-test-gateway";

/**
 * A token that verified is remembered (JWT_VERIFY_CACHE_SIZE), so repeated requests skip
 * its signature check; what it must never do is accept a token the verifier would refuse.
 * The gateway's token clock is the test's: it moves past a token's exp by hand.
 */
let now = Date.now();
const { gateway } = useTestGateway("verified-token-reuse", {
  gateway: { authorization: null, requestCaches: { verifiedTokens: 100, now: () => now } },
});

const ME = `{ me { kind role } }`;

async function me(token: string) {
  return gateway.graphql(ME, undefined, { authorization: `Bearer ${token}` });
}

describe("verified tokens are reused within their validity only", () => {
  it("a remembered token stops working at its exp, with the verifier's own error", async () => {
    now = Date.now();
    const token = await signTestJwt(UserRole.ANALYST, { expiresIn: 120 });
    for (let i = 0; i < 3; i++) {
      expect((await me(token)).data).toEqual({ me: { kind: "USER", role: "ANALYST" } });
    }
    // exp + the 5 s clock tolerance has passed.
    now += 126_000;
    gateway.resetCommands();
    const expired = await me(token);
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    expect(gateway.commands).toHaveLength(0);
  });

  it("a token differing from a remembered one in its signature only is refused", async () => {
    now = Date.now();
    const token = await signTestJwt(UserRole.ADMIN);
    expect((await me(token)).data).toEqual({ me: { kind: "USER", role: "ADMIN" } });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === "A" ? "B" : "A"}${signature.at(-1)}`;
    const forged = await me(`${header}.${payload}.${flipped}`);
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.message).toMatch(/signature/);
    // The genuine token still works.
    expect((await me(token)).data).toEqual({ me: { kind: "USER", role: "ADMIN" } });
  });

  it("each token keeps its own role: remembering one never changes another's", async () => {
    now = Date.now();
    const viewer = await signTestJwt(UserRole.VIEWER);
    const admin = await signTestJwt(UserRole.ADMIN);
    for (let i = 0; i < 2; i++) {
      expect((await me(viewer)).data).toEqual({ me: { kind: "USER", role: "VIEWER" } });
      expect((await me(admin)).data).toEqual({ me: { kind: "USER", role: "ADMIN" } });
    }
  });

  it("a token not valid yet (nbf) is refused until then, and accepted afterwards", async () => {
    now = Date.now();
    const token = await signTestJwt(UserRole.RESPONDER, { notBefore: 60 });
    expect((await me(token)).errors?.[0]?.message).toMatch(/not valid yet/);
    now += 61_000;
    expect((await me(token)).data).toEqual({ me: { kind: "USER", role: "RESPONDER" } });
  });
});

describe("JWT_VERIFY_CACHE_SIZE", () => {
  it("defaults to 10000, accepts 0 (verify every request) and refuses what is not a count", () => {
    expect(loadConfig({}).requestCaches.verifiedTokens).toBe(10_000);
    expect(loadConfig({ JWT_VERIFY_CACHE_SIZE: "0" }).requestCaches.verifiedTokens).toBe(0);
    for (const bad of ["-1", "ten", "1.5", "2000000"]) {
      expect(() => loadConfig({ JWT_VERIFY_CACHE_SIZE: bad, MAX_COST: "0" })).toThrowError(ConfigError);
      try {
        loadConfig({ JWT_VERIFY_CACHE_SIZE: bad, MAX_COST: "0" });
      } catch (error) {
        // Reported together with the other problems of the environment.
        expect((error as ConfigError).message).toMatch(/JWT_VERIFY_CACHE_SIZE/);
        expect((error as ConfigError).message).toMatch(/MAX_COST/);
      }
    }
  });
});
