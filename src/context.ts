import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { ValidationContext } from "../schema/validate-arguments";
import { UserRole } from "./domain/user-role.enum";
import { identityOf } from "./auth/authenticate-request";
import { actorOf, CallerKind, type Identity } from "./auth/caller";
import type { WriteOrigin } from "./audit/audit-trail";
import { createGatewayLoaders, type GatewayLoaders } from "./loaders/gateway-loaders";
import type { GatewayRepositories } from "./repositories/gateway-repositories";

/** Who is calling. The gateway has no authentication yet; this is where it will land. */
export interface Caller {
  /** The request's `x-request-id` header when it is a sensible id, else Fastify's request id. */
  requestId: string;
  ip: string;
  /**
   * Who the audit trail names for the request's writes: a user or API key id once
   * access control exists (it sets this), ANONYMOUS_ACTOR until then.
   */
  actor: string;
  /** Who authenticated the request (src/auth): kind, role, user or API key. */
  identity: Identity;
}

/** The actor of requests nobody authenticated. */
export const ANONYMOUS_ACTOR = "anonymous";

/** An `x-request-id` worth keeping: 1 to 128 visible ASCII characters. */
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** The id that ties the request's audit entries to the caller's and the proxies' logs. */
export function requestIdOf(request: Pick<FastifyRequest, "headers" | "id">): string {
  const header = request.headers["x-request-id"];
  return typeof header === "string" && REQUEST_ID.test(header) ? header : request.id;
}

/** Who made a write and in which request, as the audit trail records it. */
export function writeOrigin({ caller }: Pick<GatewayContext, "caller">): WriteOrigin {
  return { actor: caller.actor, requestId: caller.requestId };
}

/** What every resolver of one request sees. */
export interface GatewayContext extends ValidationContext {
  caller: Caller;
  /** The request's logger (pino child with the request id). */
  log: FastifyBaseLogger;
  /** Shared by all requests: stateless reads of the collections. */
  repositories: GatewayRepositories;
  /** This request's own: caches must never outlive it. */
  loaders: GatewayLoaders;
}

export interface ContextDependencies {
  repositories: GatewayRepositories;
  maxPageSize: number;
}

/** The context factory Apollo calls once per request: new loaders every time. */
export function createContextFactory(
  dependencies: ContextDependencies,
): (request: FastifyRequest) => Promise<GatewayContext> {
  return async (request) => {
    // Set by the authentication preHandler of the GraphQL route; never absent there.
    const identity = identityOf(request) ?? { kind: CallerKind.ANONYMOUS, role: UserRole.VIEWER };
    return {
      caller: { requestId: requestIdOf(request), ip: request.ip, actor: actorOf(identity), identity },
      log: request.log,
      repositories: dependencies.repositories,
      loaders: createGatewayLoaders(dependencies.repositories),
      maxPageSize: dependencies.maxPageSize,
    };
  };
}
