import { SignJWT } from "jose";
import type { UserRole } from "../../src/domain/user-role.enum";

/** The HS256 secret test gateways verify Bearer tokens with (JWT_SECRET). */
export const TEST_JWT_SECRET = "test-secret-of-the-jupiter-gateway-0123456789";

/** The `sub` of test tokens that name no particular user. */
export const TEST_USER_ID = "0000000000000000000000a1";

export interface TestJwtOptions {
  sub?: string;
  secret?: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
  /** Seconds from now for `nbf`. */
  notBefore?: number;
  issuer?: string;
  audience?: string;
  /** Leave `exp` out. */
  noExpiry?: boolean;
}

/** An HS256 JWT as an identity provider would issue it. */
export async function signTestJwt(role: UserRole | string, options: TestJwtOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.sub ?? TEST_USER_ID)
    .setIssuedAt(now);
  if (!options.noExpiry) jwt = jwt.setExpirationTime(now + (options.expiresIn ?? 3600));
  if (options.notBefore !== undefined) jwt = jwt.setNotBefore(now + options.notBefore);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** `{ authorization: "Bearer …" }` for a role. */
export async function bearer(
  role: UserRole | string,
  options: TestJwtOptions = {},
): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signTestJwt(role, options)}` };
}
