import { readFileSync } from "node:fs";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import type { AuthConfig, RequestCachesConfig } from "../config";
import { ConfigError } from "../errors/config-error";
import { CallerKind, type Identity, roleFromClaim } from "./caller";
import { VerifiedTokenCache } from "./verified-token-cache";

/** Algorithms accepted with a shared secret: HS256 only. */
const SECRET_ALGORITHMS = ["HS256"];
/** Algorithms accepted with a JWKS: RS256 and ES256 only (never HS*, never none). */
const JWKS_ALGORITHMS = ["RS256", "ES256"];
/** Clock skew tolerated on exp/nbf. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** A JWT that does not prove an identity; its message is safe to show. */
export class InvalidTokenError extends Error {
  override readonly name = "InvalidTokenError";
}

export type JwtVerifier = (token: string) => Promise<Identity>;

/**
 * Builds the verifier of Bearer tokens from the configuration, or undefined when no
 * key is configured (then Bearer tokens are refused). The allowed algorithms are
 * pinned per key type, so an HS256 token signed with a public key (algorithm
 * confusion) or `alg: none` never verifies. A token that verified is remembered
 * (JWT_VERIFY_CACHE_SIZE, src/auth/verified-token-cache.ts) until its exp, for at most a
 * minute, so a client's repeated requests skip the signature check, not the time checks.
 */
export function createJwtVerifier(
  config: AuthConfig,
  caches: RequestCachesConfig = { verifiedTokens: 0 },
): JwtVerifier | undefined {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.jwksFile) {
    let jwks: JSONWebKeySet;
    try {
      jwks = JSON.parse(readFileSync(config.jwksFile, "utf8")) as JSONWebKeySet;
    } catch (error) {
      throw new ConfigError([
        `JWT_JWKS_FILE: cannot read a JWKS from ${config.jwksFile}: ${(error as Error).message}`,
      ]);
    }
    key = createLocalJWKSet(jwks);
    algorithms = JWKS_ALGORITHMS;
  } else if (config.jwksUrl) {
    key = createRemoteJWKSet(new URL(config.jwksUrl));
    algorithms = JWKS_ALGORITHMS;
  } else if (config.jwtSecret) {
    key = new TextEncoder().encode(config.jwtSecret);
    algorithms = SECRET_ALGORITHMS;
  } else {
    return undefined;
  }

  const now = caches.now ?? Date.now;
  const verified = new VerifiedTokenCache(caches.verifiedTokens, now);
  return async (token) => {
    const known = verified.get(token);
    // A copy: callers may not change what the next request with this token gets.
    if (known) return { ...known };
    let payload: JWTPayload;
    try {
      const options = {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["exp", "sub"],
        currentDate: new Date(now()),
      };
      ({ payload } =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options));
    } catch (error) {
      throw new InvalidTokenError(describeJoseError(error));
    }
    if (typeof payload.sub !== "string" || !/^[0-9a-f]{24}$/i.test(payload.sub)) {
      throw new InvalidTokenError("the token's sub must be a user id");
    }
    // Either spelling: the API's enum names (ADMIN) or the stored values (admin).
    const role = roleFromClaim(payload.role);
    if (!role)
      throw new InvalidTokenError(
        "the token's role must be admin, analyst, responder or viewer (or ADMIN, ANALYST, RESPONDER, VIEWER)",
      );
    const identity: Identity = { kind: CallerKind.USER, role, userId: payload.sub.toLowerCase() };
    // requiredClaims makes exp present, and jose checked that it is a number.
    verified.set(
      token,
      identity,
      { expSeconds: payload.exp!, nbfSeconds: payload.nbf },
      CLOCK_TOLERANCE_SECONDS,
    );
    return { ...identity };
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "the token has expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return "the token is not valid yet";
    return `the token's ${error.claim} claim is invalid or missing`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "the token's algorithm is not allowed";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "the token's signature is invalid";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "no key matches the token";
  return "the token is invalid";
}
