import type { AuthChecker } from "type-graphql";
import { UserRole } from "../domain/user-role.enum";
import { ErrorCode } from "../errors/error-code";
import { GatewayError } from "../errors/gateway-error";
import { hasRole, type Identity, isRole } from "./caller";

/**
 * The rule name for "the user the field belongs to" (e.g. `User.email` of the caller
 * themself): `@Authorized(UserRole.ADMIN, SELF)`.
 */
export const SELF = "self";

/** What the checker needs from the context. */
export interface AuthContext {
  caller: { identity: Identity };
}

/**
 * The one authChecker of the schema. `@Authorized(...rules)` lists alternatives: a
 * role means "this role or a stronger one" (VIEWER < ANALYST < RESPONDER < ADMIN);
 * SELF means the root object is the caller's own User. Runs before the resolver, so a
 * refused field sends no database command. Refusals are FORBIDDEN (the caller is
 * authenticated: anonymous callers exist only as VIEWER).
 */
export const authChecker: AuthChecker<AuthContext, string> = ({ root, context }, rules) => {
  const identity = context.caller?.identity;
  if (!identity) throw new GatewayError(ErrorCode.UNAUTHENTICATED, "Authentication required");
  if (rules.length === 0) return true;
  for (const rule of rules) {
    if (rule === SELF) {
      if (identity.userId && isUserRoot(root) && root.id === identity.userId) return true;
    } else if (isRole(rule) && hasRole(identity.role, rule)) {
      return true;
    }
  }
  throw new GatewayError(
    ErrorCode.FORBIDDEN,
    `Forbidden: the ${identity.role.toUpperCase()} role may not do this (needs ${describeRules(rules)})`,
  );
};

function isUserRoot(root: unknown): root is { id: string } {
  return root !== null && typeof root === "object" && typeof (root as { id?: unknown }).id === "string";
}

function describeRules(rules: readonly string[]): string {
  return rules
    .map((rule) => (rule === SELF ? "the user themself" : `${rule.toUpperCase()} or above`))
    .join(", or ");
}

/** Minimum roles, named for the resolvers' decorators. */
export const RULES = {
  VIEWER: UserRole.VIEWER,
  ANALYST: UserRole.ANALYST,
  RESPONDER: UserRole.RESPONDER,
  ADMIN: UserRole.ADMIN,
} as const;
