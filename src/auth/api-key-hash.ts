import { createHash, randomBytes } from "node:crypto";

/** Prefix of every key, so leaked keys are recognizable (e.g. by secret scanners). */
export const API_KEY_PREFIX = "jpk_";

/**
 * A new API key: 32 random bytes (256 bits of entropy), base64url, with the prefix.
 * Shown once at creation; only its hash is stored.
 */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * The stored form of a key: its SHA-256, hex. A slow password hash (bcrypt, argon2)
 * protects low-entropy secrets against guessing; a 256-bit random key cannot be
 * guessed, so a fast hash is as safe and lets the gateway find the key by its hash
 * (a unique index) instead of comparing against every stored key.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
