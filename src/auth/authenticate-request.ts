import type { FastifyReply, FastifyRequest } from "fastify";
import { UserRole } from "../domain/user-role.enum";
import { ErrorCode } from "../errors/error-code";
import { rejectRequest } from "../errors/reject-request";
import type { ApiKeyRepository } from "./api-key.repository";
import { CallerKind, type Identity } from "./caller";
import { InvalidTokenError, type JwtVerifier } from "./jwt-verifier";

export interface AuthenticationDependencies {
  verifyJwt: JwtVerifier | undefined;
  apiKeys: ApiKeyRepository;
  /** "viewer": no credentials = ANONYMOUS VIEWER; undefined: 401. */
  allowAnonymous: "viewer" | undefined;
}

/** Credentials refused (or missing): 401 with UNAUTHENTICATED. */
export class AuthenticationFailure extends Error {
  override readonly name = "AuthenticationFailure";
}

const identities = new WeakMap<FastifyRequest, Identity>();

/** The identity authenticateRequest established for a request, if any. */
export function identityOf(request: FastifyRequest): Identity | undefined {
  return identities.get(request);
}

/**
 * Who sent the request: `Authorization: Bearer <jwt>`, `Authorization: ApiKey <key>`
 * or `x-api-key: <key>`; without any, anonymous (VIEWER) when allowed. Throws
 * AuthenticationFailure otherwise. Only an API key costs a database command (one
 * indexed find on api_keys by the key's hash).
 */
export async function authenticate(
  headers: FastifyRequest["headers"],
  dependencies: AuthenticationDependencies,
): Promise<Identity> {
  const authorization = typeof headers.authorization === "string" ? headers.authorization.trim() : undefined;
  const apiKeyHeader = typeof headers["x-api-key"] === "string" ? headers["x-api-key"].trim() : undefined;
  if (authorization) {
    const match = /^(\S+)\s+(\S+)$/.exec(authorization);
    if (!match)
      throw new AuthenticationFailure("The Authorization header must be `Bearer <token>` or `ApiKey <key>`");
    const scheme = match[1]!.toLowerCase();
    const credential = match[2]!;
    if (scheme === "bearer") return verifyBearer(credential, dependencies);
    if (scheme === "apikey") return verifyApiKey(credential, dependencies);
    throw new AuthenticationFailure("The Authorization header must be `Bearer <token>` or `ApiKey <key>`");
  }
  if (apiKeyHeader) return verifyApiKey(apiKeyHeader, dependencies);
  if (dependencies.allowAnonymous === "viewer") return { kind: CallerKind.ANONYMOUS, role: UserRole.VIEWER };
  throw new AuthenticationFailure(
    "Authentication required: send `Authorization: Bearer <token>` or `Authorization: ApiKey <key>`",
  );
}

async function verifyBearer(token: string, dependencies: AuthenticationDependencies): Promise<Identity> {
  if (!dependencies.verifyJwt)
    throw new AuthenticationFailure("Bearer tokens are not accepted by this gateway");
  try {
    return await dependencies.verifyJwt(token);
  } catch (error) {
    if (error instanceof InvalidTokenError)
      throw new AuthenticationFailure(`Invalid token: ${error.message}`);
    throw error;
  }
}

async function verifyApiKey(key: string, dependencies: AuthenticationDependencies): Promise<Identity> {
  // Keys are "jpk_" + 43 base64url characters; anything else is not worth a lookup.
  if (!/^[\w-]{10,200}$/.test(key)) throw new AuthenticationFailure("Invalid API key");
  const document = await dependencies.apiKeys.findActive(key);
  if (!document) throw new AuthenticationFailure("Invalid or revoked API key");
  return {
    kind: CallerKind.API_KEY,
    role: document.role,
    apiKeyId: document._id.toHexString(),
    apiKeyName: document.name,
  };
}

/**
 * The Fastify preHandler of the GraphQL route: authenticates, remembers the identity
 * for the context factory, or answers 401 before Apollo (and the database) see anything.
 */
export function authenticationHook(dependencies: AuthenticationDependencies) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (reply.sent) return reply;
    try {
      identities.set(request, await authenticate(request.headers, dependencies));
      return undefined;
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) throw error;
      return rejectRequest(reply, 401, ErrorCode.UNAUTHENTICATED, error.message, {
        "www-authenticate": 'Bearer realm="jupiter", ApiKey realm="jupiter"',
      });
    }
  };
}
