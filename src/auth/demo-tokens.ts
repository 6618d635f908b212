import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { Db } from "mongodb";
import { UserRole } from "../domain/user-role.enum";
import { COLLECTIONS } from "../db/collection-names";
import { ROLES } from "./caller";

/** How long demo tokens stay valid. */
const DEMO_TOKEN_HOURS = 12;

/** A random HS256 secret for one demo process (JWT_SECRET unset). */
export function randomJwtSecret(): string {
  return randomBytes(32).toString("base64url");
}

export interface DemoToken {
  role: UserRole;
  userId: string;
  userName: string;
  token: string;
}

/**
 * One Bearer token per role, each for a user of that role from the (seeded) users
 * collection, signed with the process's secret. Roles without a user are skipped.
 */
export async function issueDemoTokens(db: Db, secret: string): Promise<DemoToken[]> {
  const key = new TextEncoder().encode(secret);
  const tokens: DemoToken[] = [];
  for (const role of [...ROLES].reverse()) {
    const user = await db
      .collection<{ _id: import("mongodb").ObjectId; name: string; role: string }>(COLLECTIONS.users)
      .findOne({ role }, { sort: { _id: 1 }, projection: { _id: 1, name: 1 } });
    if (!user) continue;
    const token = await new SignJWT({ role })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user._id.toHexString())
      .setIssuedAt()
      .setExpirationTime(`${DEMO_TOKEN_HOURS}h`)
      .sign(key);
    tokens.push({ role, userId: user._id.toHexString(), userName: user.name, token });
  }
  return tokens;
}

/** The playground's default headers: the ADMIN token, so every example runs. */
export function demoPlaygroundHeaders(tokens: readonly DemoToken[]): Record<string, string> | undefined {
  const admin = tokens.find((token) => token.role === UserRole.ADMIN) ?? tokens[0];
  return admin ? { Authorization: `Bearer ${admin.token}` } : undefined;
}
