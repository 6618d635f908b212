import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../src/domain/user-role.enum";
import { hashApiKey } from "../../src/auth/api-key-hash";
import { API_KEYS_COLLECTION } from "../../src/auth/api-key.repository";
import { runCli } from "../operations/support/run-cli";
import { signTestJwt, TEST_JWT_SECRET, TEST_USER_ID } from "../helpers/test-jwt";
import { useGatewayOver } from "../helpers/use-gateway-over";
import { useTestGateway } from "../helpers/use-test-gateway";

const { database, gateway } = useTestGateway("credentials", {
  gateway: {
    authorization: null,
    auth: { issuer: "https://idp.example", audience: "jupiter" },
  },
});

const ME = `{ me { kind role apiKeyName } }`;
const good = { issuer: "https://idp.example", audience: "jupiter" };

async function expectRefused(authorization: string, reason: RegExp): Promise<void> {
  gateway.resetCommands();
  const result = await gateway.graphql(ME, undefined, { authorization });
  expect(result.status).toBe(401);
  expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(result.errors?.[0]?.message).toMatch(reason);
  expect(gateway.commands).toHaveLength(0);
}

describe("Bearer JWTs (HS256 with JWT_SECRET, issuer and audience set)", () => {
  it("a valid token authenticates with its role", async () => {
    const result = await gateway.graphql(ME, undefined, {
      authorization: `Bearer ${await signTestJwt(UserRole.ANALYST, good)}`,
    });
    expect(result.data).toEqual({ me: { kind: "USER", role: "ANALYST", apiKeyName: null } });
  });

  it("expired: refused", async () => {
    await expectRefused(
      `Bearer ${await signTestJwt(UserRole.ADMIN, { ...good, expiresIn: -60 })}`,
      /expired/,
    );
  });

  it("not yet valid (nbf): refused", async () => {
    await expectRefused(
      `Bearer ${await signTestJwt(UserRole.ADMIN, { ...good, notBefore: 600 })}`,
      /not valid yet/,
    );
  });

  it("without exp: refused", async () => {
    await expectRefused(`Bearer ${await signTestJwt(UserRole.ADMIN, { ...good, noExpiry: true })}`, /exp/);
  });

  it("badly signed: refused", async () => {
    const token = await signTestJwt(UserRole.ADMIN, { ...good, secret: `${TEST_JWT_SECRET}-other` });
    await expectRefused(`Bearer ${token}`, /signature/);
    const tampered = (await signTestJwt(UserRole.VIEWER, good)).split(".");
    const payload = JSON.parse(Buffer.from(tampered[1]!, "base64url").toString()) as Record<string, unknown>;
    tampered[1] = Buffer.from(JSON.stringify({ ...payload, role: "admin" })).toString("base64url");
    await expectRefused(`Bearer ${tampered.join(".")}`, /signature/);
  });

  it("wrong issuer or audience: refused", async () => {
    await expectRefused(
      `Bearer ${await signTestJwt(UserRole.ADMIN, { ...good, issuer: "https://evil" })}`,
      /iss/,
    );
    await expectRefused(`Bearer ${await signTestJwt(UserRole.ADMIN, { ...good, audience: "other" })}`, /aud/);
    await expectRefused(`Bearer ${await signTestJwt(UserRole.ADMIN)}`, /iss|aud/);
  });

  it("alg none: refused", async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(
      JSON.stringify({
        sub: TEST_USER_ID,
        role: "admin",
        exp: now + 600,
        iss: good.issuer,
        aud: good.audience,
      }),
    ).toString("base64url");
    await expectRefused(`Bearer ${header}.${body}.`, /invalid|algorithm/);
  });

  it("an unknown role or a sub that is no user id: refused", async () => {
    await expectRefused(`Bearer ${await signTestJwt("root", good)}`, /role/);
    await expectRefused(`Bearer ${await signTestJwt(UserRole.ADMIN, { ...good, sub: "alice" })}`, /sub/);
  });

  it("a malformed Authorization header: refused", async () => {
    await expectRefused("Basic dXNlcjpwYXNz", /Bearer/);
    await expectRefused("Bearer", /Bearer/);
  });
});

describe("Bearer JWTs with a JWKS (RS256/ES256)", () => {
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  let publicJwk: Record<string, unknown>;
  let jwksFile: string;

  beforeAll(async () => {
    const pair = await generateKeyPair("ES256");
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    jwksFile = join(tmpdir(), `jwks-${process.pid}-${Date.now()}.json`);
    writeFileSync(jwksFile, JSON.stringify({ keys: [publicJwk] }));
  });
  const jwksGateway = useGatewayOver(database, () => ({
    authorization: null,
    auth: { jwtSecret: undefined, jwksFile },
  }));

  const sign = (alg: string, key: typeof privateKey | Uint8Array) =>
    new SignJWT({ role: "responder" })
      .setProtectedHeader({ alg, kid: "k1" })
      .setSubject(TEST_USER_ID)
      .setExpirationTime("10m")
      .sign(key);

  it("an ES256 token signed with the JWKS's key authenticates", async () => {
    const result = await jwksGateway.graphql(ME, undefined, {
      authorization: `Bearer ${await sign("ES256", privateKey)}`,
    });
    expect(result.data).toEqual({ me: { kind: "USER", role: "RESPONDER", apiKeyName: null } });
  });

  it("an HS256 token is refused when a JWKS is configured (algorithm confusion)", async () => {
    // Signed with the public key's bytes as an HMAC secret, the classic confusion attack.
    const confused = await sign("HS256", new TextEncoder().encode(JSON.stringify(publicJwk)));
    const result = await jwksGateway.graphql(ME, undefined, { authorization: `Bearer ${confused}` });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const hs = await signTestJwt(UserRole.ADMIN);
    expect((await jwksGateway.graphql(ME, undefined, { authorization: `Bearer ${hs}` })).status).toBe(401);
  });
});

describe("API keys and `jupiter apikey`", () => {
  const cliEnv = () => ({ uri: database.uri, dbName: database.dbName });

  it("create prints the key once and stores only its hash; list never prints keys; revoke refuses it", async () => {
    const created = await runCli(["apikey", "create", "--name", "dashboards", "--role", "analyst"], cliEnv());
    expect(created.code, created.stderr).toBe(0);
    const key = /key:\s+(jpk_\S+)/.exec(created.stdout)?.[1];
    const id = /id:\s+([0-9a-f]{24})/.exec(created.stdout)?.[1];
    expect(key).toBeDefined();
    expect(id).toBeDefined();

    const stored = await database.db.collection(API_KEYS_COLLECTION).findOne({});
    expect(stored).toMatchObject({
      name: "dashboards",
      role: "analyst",
      revoked: false,
      key_hash: hashApiKey(key!),
    });
    expect(JSON.stringify(stored)).not.toContain(key!);
    const indexes = await database.db.collection(API_KEYS_COLLECTION).indexes();
    expect(indexes.find((index) => index.key.key_hash === 1)?.unique).toBe(true);

    for (const headers of [{ authorization: `ApiKey ${key}` }, { "x-api-key": key! }] as Record<
      string,
      string
    >[]) {
      gateway.resetCommands();
      const result = await gateway.graphql(ME, undefined, headers);
      expect(result.data).toEqual({ me: { kind: "API_KEY", role: "ANALYST", apiKeyName: "dashboards" } });
      // The only commands: the lookup by hash (and at most one last_used_at write a minute).
      expect(gateway.commands.filter((c) => c.command[c.commandName] !== API_KEYS_COLLECTION)).toHaveLength(
        0,
      );
    }
    const used = await database.db.collection(API_KEYS_COLLECTION).findOne({});
    expect(used?.last_used_at).toBeInstanceOf(Date);

    // ANALYST through a key: reads yes, writes no.
    const write = await gateway.graphql(
      `mutation { createCase(input: { title: "k", severity: LOW }) { id } }`,
      undefined,
      {
        authorization: `ApiKey ${key}`,
      },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const listed = await runCli(["apikey", "list"], cliEnv());
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain("dashboards");
    expect(listed.stdout).not.toContain(key!);
    expect(listed.stdout).not.toContain(hashApiKey(key!));

    const revoked = await runCli(["apikey", "revoke", id!], cliEnv());
    expect(revoked.code, revoked.stderr).toBe(0);
    const refused = await gateway.graphql(ME, undefined, { authorization: `ApiKey ${key}` });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await runCli(["apikey", "list"], cliEnv())).stdout).toContain("REVOKED");
  });

  it("an unknown key is 401; a malformed one costs no database command", async () => {
    const unknown = await gateway.graphql(ME, undefined, {
      authorization: "ApiKey jpk_0123456789abcdefghijklmnop",
    });
    expect(unknown.status).toBe(401);
    gateway.resetCommands();
    const malformed = await gateway.graphql(ME, undefined, { "x-api-key": "{$ne:null}" });
    expect(malformed.status).toBe(401);
    expect(gateway.commands).toHaveLength(0);
  });

  it("create refuses an unknown role", async () => {
    const run = await runCli(["apikey", "create", "--name", "x", "--role", "root"], cliEnv());
    expect(run.code).not.toBe(0);
    expect(await database.db.collection(API_KEYS_COLLECTION).countDocuments({ name: "x" })).toBe(0);
  });
});
