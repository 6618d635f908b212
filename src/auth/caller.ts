import { UserRole } from "../domain/user-role.enum";

/** How the caller of a request proved who it is. */
export enum CallerKind {
  USER = "USER",
  API_KEY = "API_KEY",
  ANONYMOUS = "ANONYMOUS",
}

/** The authenticated side of a request: who it is and what role it acts with. */
export interface Identity {
  kind: CallerKind;
  role: UserRole;
  /** A users _id (hex) for a JWT's `sub`; absent otherwise. */
  userId?: string;
  /** The api_keys _id (hex) of an API key. */
  apiKeyId?: string;
  apiKeyName?: string;
}

/** Roles from weakest to strongest: each holds every permission of the ones before. */
export const ROLE_RANK: Readonly<Record<UserRole, number>> = {
  [UserRole.VIEWER]: 0,
  [UserRole.ANALYST]: 1,
  [UserRole.RESPONDER]: 2,
  [UserRole.ADMIN]: 3,
};

export const ROLES: readonly UserRole[] = [
  UserRole.VIEWER,
  UserRole.ANALYST,
  UserRole.RESPONDER,
  UserRole.ADMIN,
];

export function isRole(value: unknown): value is UserRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * The role a credential names, in either spelling: as MongoDB stores it ("admin") or
 * as the GraphQL API shows it ("ADMIN"); undefined for anything else.
 */
export function roleFromClaim(value: unknown): UserRole | undefined {
  if (typeof value !== "string") return undefined;
  if (isRole(value)) return value;
  const byName = (UserRole as Record<string, string>)[value];
  return value === value.toUpperCase() && isRole(byName) ? byName : undefined;
}

/** True when `role` is `minimum` or stronger. */
export function hasRole(role: UserRole, minimum: UserRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** What the audit trail records as the actor: the user id, `apikey:<id>`, or "anonymous". */
export function actorOf(identity: Identity): string {
  if (identity.kind === CallerKind.USER && identity.userId) return identity.userId;
  if (identity.kind === CallerKind.API_KEY && identity.apiKeyId) return `apikey:${identity.apiKeyId}`;
  return "anonymous";
}

/** The rate-limit bucket of a request: per API key, per user, or per IP for anonymous callers. */
export function rateLimitKeyOf(identity: Identity, ip: string): string {
  if (identity.kind === CallerKind.API_KEY) return `apikey:${identity.apiKeyId}`;
  if (identity.kind === CallerKind.USER) return `user:${identity.userId}`;
  return `ip:${ip}`;
}
