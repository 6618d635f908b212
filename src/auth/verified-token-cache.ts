import type { Identity } from "./caller";

/**
 * The longest a verified token is trusted without verifying its signature again: a key
 * withdrawn from a remote JWKS stops counting within this time (jose's own JWKS cache
 * keeps keys for minutes), and no entry outlives the token's `exp`.
 */
export const VERIFIED_TOKEN_TTL_MS = 60_000;

interface Entry {
  identity: Identity;
  /** Epoch ms from which the token is no longer accepted (exp + tolerance), capped by the TTL. */
  validUntilMs: number;
  /** Epoch ms before which it is not yet accepted (nbf − tolerance); 0 without nbf. */
  validFromMs: number;
}

/**
 * The identities of recently verified JWTs, keyed by the whole token (header, claims
 * and signature), so that a request carrying a token seen before skips the signature
 * check (an HMAC or RSA/ECDSA verification per request otherwise). Only tokens that
 * verified are stored; a token whose time window has passed is dropped and verified
 * again (and then refused with the verifier's own error). Bounded: past `maxEntries`
 * the least recently used entry goes (Map order).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** The identity of `token` if it verified before and is still within its time window. */
  get(token: string): Identity | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = this.now();
    if (now >= entry.validUntilMs || now < entry.validFromMs) {
      this.entries.delete(token);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry.identity;
  }

  /**
   * Remembers a token that just verified. `expSeconds`/`nbfSeconds` are its claims,
   * `toleranceSeconds` the clock skew the verifier allows on them.
   */
  set(
    token: string,
    identity: Identity,
    claims: { expSeconds: number; nbfSeconds: number | undefined },
    toleranceSeconds: number,
  ): void {
    if (this.maxEntries <= 0) return;
    const now = this.now();
    const validUntilMs = Math.min((claims.expSeconds + toleranceSeconds) * 1000, now + VERIFIED_TOKEN_TTL_MS);
    const validFromMs = claims.nbfSeconds === undefined ? 0 : (claims.nbfSeconds - toleranceSeconds) * 1000;
    this.entries.delete(token);
    this.entries.set(token, { identity, validUntilMs, validFromMs });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
