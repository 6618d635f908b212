import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { expectConfigProblems } from "../helpers/expect-config-problems";

describe("access-control and protection variables", () => {
  it("have safe defaults", () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({
      jwtSecret: undefined,
      jwksFile: undefined,
      jwksUrl: undefined,
      issuer: undefined,
      audience: undefined,
      allowAnonymous: undefined,
    });
    expect(config.protections).toEqual({
      maxDepth: 8,
      maxAliases: 15,
      maxDirectives: 50,
      maxTokens: 2000,
      maxDocumentBytes: 16_384,
      maxBodyBytes: 1_048_576,
      maxCost: 5000,
      rateLimitPerMinute: 600,
      persistedQueriesOnly: false,
      allowBatching: false,
      corsOrigins: [],
      production: false,
    });
  });

  it("are read from the environment", () => {
    const config = loadConfig({
      JWT_SECRET: "x".repeat(32),
      JWT_ISSUER: "https://idp",
      JWT_AUDIENCE: "jupiter",
      ALLOW_ANONYMOUS: "viewer",
      MAX_DEPTH: "10",
      MAX_ALIASES: "5",
      MAX_DIRECTIVES: "7",
      MAX_TOKENS: "3000",
      MAX_DOCUMENT_BYTES: "32768",
      MAX_BODY_BYTES: "2048",
      MAX_COST: "100",
      RATE_LIMIT_PER_MINUTE: "0",
      PERSISTED_QUERIES_ONLY: "true",
      ALLOW_BATCHING: "true",
      CORS_ORIGINS: "https://a.example, https://b.example:8443",
      NODE_ENV: "production",
    });
    expect(config.auth).toMatchObject({
      issuer: "https://idp",
      audience: "jupiter",
      allowAnonymous: "viewer",
    });
    expect(config.protections).toEqual({
      maxDepth: 10,
      maxAliases: 5,
      maxDirectives: 7,
      maxTokens: 3000,
      maxDocumentBytes: 32_768,
      maxBodyBytes: 2048,
      maxCost: 100,
      rateLimitPerMinute: 0,
      persistedQueriesOnly: true,
      allowBatching: true,
      corsOrigins: ["https://a.example", "https://b.example:8443"],
      production: true,
    });
  });

  it("lists every bad value in one error", () => {
    const env = {
      JWT_SECRET: "short",
      JWT_JWKS_FILE: "/keys.json",
      JWT_JWKS_URL: "ftp://keys",
      ALLOW_ANONYMOUS: "admin",
      MAX_DEPTH: "0",
      MAX_TOKENS: "lots",
      MAX_COST: "-1",
      PERSISTED_QUERIES_ONLY: "maybe",
      CORS_ORIGINS: "*",
    };
    // JWT_JWKS_FILE is fine alone: it is named only by the "not both" problem.
    const named = Object.keys(env).filter((name) => name !== "JWT_JWKS_FILE");
    const text = expectConfigProblems(env, named).problems.join("\n");
    expect(text).toMatch(/not both/);
  });
});
