import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { useTestGateway } from "../helpers/use-test-gateway";
import { TEST_JWT_SECRET, TEST_USER_ID } from "../helpers/test-jwt";

/** Bearer JWTs verified with RS256/ES256 keys fetched from a remote JWKS (JWT_JWKS_URL). */

let jwksServer: Server;
let jwksUrl: string;
/** GET requests the JWKS server answered. */
let jwksFetches = 0;

let rsaKey: CryptoKey;
let ecKey: CryptoKey;
/** A key pair whose public key the JWKS does not serve. */
let strangerKey: CryptoKey;
let rsaPublicJwk: JWK;

const ME = `{ me { kind role } }`;

beforeAll(async () => {
  const rsa = await generateKeyPair("RS256");
  const ec = await generateKeyPair("ES256");
  const stranger = await generateKeyPair("RS256");
  rsaKey = rsa.privateKey;
  ecKey = ec.privateKey;
  strangerKey = stranger.privateKey;
  rsaPublicJwk = { ...(await exportJWK(rsa.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
  const ecPublicJwk = { ...(await exportJWK(ec.publicKey)), kid: "ec-1", alg: "ES256", use: "sig" };
  const body = JSON.stringify({ keys: [rsaPublicJwk, ecPublicJwk] });

  jwksServer = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/.well-known/jwks.json") {
      jwksFetches += 1;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    jwksServer.once("error", reject);
    jwksServer.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = jwksServer.address() as AddressInfo;
  jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
});

// Registered before the fixture: the JWKS server is up before the gateway starts and closes after it stops.
afterAll(async () => {
  if (jwksServer) {
    jwksServer.closeAllConnections();
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
  }
});

const { gateway } = useTestGateway("jwks-url", {
  gateway: () => ({
    authorization: null,
    auth: { jwtSecret: undefined, jwksFile: undefined, jwksUrl },
  }),
});

function sign(
  alg: string,
  key: CryptoKey | Uint8Array,
  kid: string,
  options: { expiresIn?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: "analyst" })
    .setProtectedHeader({ alg, kid })
    .setSubject(TEST_USER_ID)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(key);
}

async function expectRefused(token: string, reason: RegExp): Promise<void> {
  const result = await gateway.graphql(ME, undefined, { authorization: `Bearer ${token}` });
  expect(result.status).toBe(401);
  expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(result.errors?.[0]?.message).toMatch(reason);
  expect(result.data ?? null).toBeNull();
}

describe("Bearer JWTs with a remote JWKS (JWT_JWKS_URL)", () => {
  it("the configuration accepts an http URL on a loopback host", () => {
    expect(loadConfig({ JWT_JWKS_URL: jwksUrl }).auth.jwksUrl).toBe(jwksUrl);
  });

  it("the configuration refuses plain http to any other host, where the keys could be swapped in transit", () => {
    expect(() => loadConfig({ JWT_JWKS_URL: "http://idp.example.com/.well-known/jwks.json" })).toThrow(
      /JWT_JWKS_URL must be an https URL/,
    );
    const https = "https://idp.example.com/.well-known/jwks.json";
    expect(loadConfig({ JWT_JWKS_URL: https }).auth.jwksUrl).toBe(https);
  });

  it("an RS256 token signed with a served key authenticates", async () => {
    const result = await gateway.graphql(ME, undefined, {
      authorization: `Bearer ${await sign("RS256", rsaKey, "rsa-1")}`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: { kind: "USER", role: "ANALYST" } });
  });

  it("an ES256 token signed with a served key authenticates", async () => {
    const result = await gateway.graphql(ME, undefined, {
      authorization: `Bearer ${await sign("ES256", ecKey, "ec-1")}`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: { kind: "USER", role: "ANALYST" } });
  });

  it("a token signed with a key the JWKS does not serve is refused", async () => {
    // Unknown kid: no key matches.
    await expectRefused(await sign("RS256", strangerKey, "stranger"), /no key matches/);
    // A served kid, but signed with another key: the signature does not verify.
    await expectRefused(await sign("RS256", strangerKey, "rsa-1"), /signature/);
  });

  it("an HS256 token is refused (algorithm confusion)", async () => {
    // Signed with the served public key's bytes as an HMAC secret, the classic attack.
    const confused = await sign("HS256", new TextEncoder().encode(JSON.stringify(rsaPublicJwk)), "rsa-1");
    await expectRefused(confused, /algorithm/);
    await expectRefused(await sign("HS256", new TextEncoder().encode(TEST_JWT_SECRET), "rsa-1"), /algorithm/);
  });

  it("an expired token is refused", async () => {
    await expectRefused(await sign("RS256", rsaKey, "rsa-1", { expiresIn: -60 }), /expired/);
  });

  it("the JWKS is cached, not fetched per request", async () => {
    for (let i = 0; i < 3; i += 1) {
      const result = await gateway.graphql(ME, undefined, {
        authorization: `Bearer ${await sign(i % 2 === 0 ? "RS256" : "ES256", i % 2 === 0 ? rsaKey : ecKey, i % 2 === 0 ? "rsa-1" : "ec-1")}`,
      });
      expect(result.data).toEqual({ me: { kind: "USER", role: "ANALYST" } });
    }
    // About ten verified or refused tokens so far; jose fetched the set once (at most
    // once more for the unknown kid, which its cooldown normally prevents).
    expect(jwksFetches).toBeGreaterThanOrEqual(1);
    expect(jwksFetches).toBeLessThanOrEqual(2);
  });
});
