import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { ValidationContext } from "../schema/validate-arguments";
import { createGatewayLoaders, type GatewayLoaders } from "./loaders/gateway-loaders";
import type { GatewayRepositories } from "./repositories/gateway-repositories";

/** Who is calling. The gateway has no authentication yet; this is where it will land. */
export interface Caller {
  requestId: string;
  ip: string;
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
  return async (request) => ({
    caller: { requestId: request.id, ip: request.ip },
    log: request.log,
    repositories: dependencies.repositories,
    loaders: createGatewayLoaders(dependencies.repositories),
    maxPageSize: dependencies.maxPageSize,
  });
}
