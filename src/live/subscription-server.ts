import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import {
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { decodeJwt } from "jose";
import { WebSocketServer, type WebSocket } from "ws";
import type { Config } from "../config";
import { actorOf, type Identity, rateLimitKeyOf } from "../auth/caller";
import {
  authenticate,
  AuthenticationFailure,
  type AuthenticationDependencies,
} from "../auth/authenticate-request";
import { ErrorCode } from "../errors/error-code";
import { formatError } from "../errors/format-error";
import { GatewayError } from "../errors/gateway-error";
import { createGatewayLoaders } from "../loaders/gateway-loaders";
import { aliasLimitRule } from "../protections/alias-limit";
import { operationCost } from "../protections/cost-limit";
import {
  loadPersistedDocuments,
  NOT_TRUSTED_MESSAGE,
  trustedDocumentOf,
} from "../protections/persisted-documents";
import { depthLimitRule } from "../protections/depth-limit";
import { directiveLimitRule } from "../protections/directive-limit";
import { stripSuggestions } from "../protections/suggestions";
import type { GatewayRepositories } from "../repositories/gateway-repositories";
import type { LiveClock, LiveTimer } from "./live-clock";
import type { LiveContext } from "./live-context";
import type { LiveService } from "./live-service";

// graphql-ws publishes its ws adapter under a subpath export, which this project's
// moduleResolution (Node10) cannot see: load the CommonJS build by its public subpath,
// typed from its declaration file.
const { useServer } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the subpath export, see above
  require("graphql-ws/use/ws") as typeof import("graphql-ws/dist/use/ws.cjs");

/** WebSocket close codes of the graphql-transport-ws protocol, and the gateway's own. */
export const CLOSE_CODES = {
  /** The protocol's Unauthorized: bad or missing credentials, or the token expired. */
  UNAUTHENTICATED: 4401,
  /** Too many live connections for one caller (MAX_LIVE_CONNECTIONS_PER_CALLER). */
  TOO_MANY_CONNECTIONS: 4429,
  /** The server is stopping. */
  GOING_AWAY: 1001,
} as const;

export interface SubscriptionServerOptions {
  app: FastifyInstance;
  /** The path queries use too, e.g. /graphql. */
  path: string;
  schema: GraphQLSchema;
  config: Config;
  repositories: GatewayRepositories;
  authentication: AuthenticationDependencies;
  live: LiveService;
  clock: LiveClock;
}

/** What the gateway keeps per WebSocket connection. */
interface ConnectionState {
  connectionId: number;
  identity?: Identity;
  callerKey?: string;
  expiry?: LiveTimer;
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws, subprotocol graphql-transport-ws)
 * on the HTTP server's own port and path. A connection authenticates once, in its
 * connection_init payload (`{ authorization: "Bearer …" }`, `{ authorization: "ApiKey …" }`
 * or `{ apiKey: "…" }`), with the same code as HTTP requests; a JWT connection is closed
 * (4401) when the token expires. Every subscription document passes the same limits
 * as a query (size, tokens, depth, aliases, directives, cost) plus
 * MAX_SUBSCRIPTIONS_PER_CONNECTION, all before anything is watched or read.
 * Queries and mutations stay on HTTP.
 */
export function registerSubscriptionServer(options: SubscriptionServerOptions): void {
  const { app, config, schema, clock, live } = options;
  const { protections } = config;
  const limits = config.live;
  // PERSISTED_QUERIES_ONLY holds here too: a subscription runs only a trusted document.
  const trusted = protections.persistedQueriesOnly ? loadPersistedDocuments() : undefined;
  const wss = new WebSocketServer({ noServer: true, maxPayload: protections.maxBodyBytes });
  const connectionsPerCaller = new Map<string, number>();
  const states = new WeakMap<WebSocket, ConnectionState>();
  let nextConnectionId = 1;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname !== options.path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  };
  app.server.on("upgrade", onUpgrade);

  const format = (error: GraphQLError, log: FastifyBaseLogger): GraphQLFormattedError => {
    const request = requestError(error);
    const formatted = formatError(request.toJSON(), request);
    if (formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
      log.error({ err: error.originalError ?? error }, "live: unexpected error in a subscription");
    }
    return protections.production ? stripSuggestions(formatted) : formatted;
  };

  const disposable = useServer<Record<string, unknown> | undefined, { state: ConnectionState }>(
    {
      schema,
      isProd: protections.production,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const state: ConnectionState = { connectionId: nextConnectionId++ };
        states.set(socket, state);
        const params = ctx.connectionParams ?? {};
        let identity: Identity;
        try {
          identity = await authenticate(credentialHeaders(params), options.authentication);
        } catch (error) {
          if (!(error instanceof AuthenticationFailure)) throw error;
          socket.close(
            CLOSE_CODES.UNAUTHENTICATED,
            closeReason(`${ErrorCode.UNAUTHENTICATED}: ${error.message}`),
          );
          return false;
        }
        const callerKey = rateLimitKeyOf(identity, ctx.extra.request.socket.remoteAddress ?? "unknown");
        const open = connectionsPerCaller.get(callerKey) ?? 0;
        if (open >= limits.maxConnectionsPerCaller) {
          socket.close(
            CLOSE_CODES.TOO_MANY_CONNECTIONS,
            closeReason(
              `${ErrorCode.RATE_LIMITED}: at most ${limits.maxConnectionsPerCaller} live connections per caller (MAX_LIVE_CONNECTIONS_PER_CALLER)`,
            ),
          );
          return false;
        }
        connectionsPerCaller.set(callerKey, open + 1);
        state.identity = identity;
        state.callerKey = callerKey;
        const expiresAt = tokenExpiry(params);
        if (expiresAt !== undefined) {
          state.expiry = clock.setTimeout(
            () =>
              socket.close(
                CLOSE_CODES.UNAUTHENTICATED,
                `${ErrorCode.UNAUTHENTICATED}: the token has expired`,
              ),
            Math.max(0, expiresAt - clock.now()),
          );
        }
        return true;
      },
      onClose: (ctx) => {
        const state = states.get(ctx.extra.socket);
        if (!state) return;
        if (state.expiry) clock.clearTimeout(state.expiry);
        if (state.callerKey) {
          const open = (connectionsPerCaller.get(state.callerKey) ?? 1) - 1;
          if (open > 0) connectionsPerCaller.set(state.callerKey, open);
          else connectionsPerCaller.delete(state.callerKey);
          state.callerKey = undefined;
        }
      },
      onSubscribe: (ctx, id, payload) => {
        const state = states.get(ctx.extra.socket);
        if (!state?.identity) return [new GatewayError(ErrorCode.UNAUTHENTICATED, "Authentication required")];
        const query = trusted
          ? trustedDocumentOf(
              trusted,
              // graphql-ws requires a string: a client naming its document by hash sends "".
              payload.query || undefined,
              undefined,
              payload.extensions ?? undefined,
            )
          : payload.query;
        if (query === undefined) {
          return [new GatewayError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, NOT_TRUSTED_MESSAGE)];
        }
        const checked = checkDocument(
          schema,
          config,
          query,
          payload.operationName ?? undefined,
          payload.variables ?? undefined,
        );
        if (Array.isArray(checked)) return checked;
        // ctx.subscriptions already holds this one.
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
          return [
            new GatewayError(
              ErrorCode.RATE_LIMITED,
              `At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection (MAX_SUBSCRIPTIONS_PER_CONNECTION)`,
            ),
          ];
        }
        const requestId = `ws-${state.connectionId}-${id}`;
        const contextValue: LiveContext = {
          caller: {
            requestId,
            ip: ctx.extra.request.socket.remoteAddress ?? "unknown",
            actor: actorOf(state.identity),
            identity: state.identity,
          },
          log: app.log.child({ reqId: requestId }),
          repositories: options.repositories,
          loaders: createGatewayLoaders(options.repositories),
          maxPageSize: config.maxPageSize,
          live,
        };
        const args: ExecutionArgs = {
          schema,
          document: checked,
          operationName: payload.operationName ?? undefined,
          variableValues: payload.variables ?? undefined,
          contextValue,
        };
        return args;
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return undefined;
        const log = (args.contextValue as LiveContext | undefined)?.log ?? app.log;
        return { ...result, errors: result.errors.map((error) => format(error, log)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => format(error, app.log)),
    },
    wss,
  );

  app.addHook("preClose", async () => {
    app.server.off("upgrade", onUpgrade);
    for (const client of wss.clients) client.close(CLOSE_CODES.GOING_AWAY, "The server is stopping");
  });
  app.addHook("onClose", async () => {
    await live.close();
    await disposable.dispose();
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
}

/** The limits every query passes, applied to a subscription's document: a DocumentNode, or the errors. */
function checkDocument(
  schema: GraphQLSchema,
  config: Config,
  query: string,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): DocumentNode | GraphQLError[] {
  const { protections } = config;
  if (Buffer.byteLength(query, "utf8") > protections.maxDocumentBytes) {
    return [
      new GatewayError(
        ErrorCode.BAD_USER_INPUT,
        `The document is larger than ${protections.maxDocumentBytes} bytes (MAX_DOCUMENT_BYTES)`,
      ),
    ];
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: protections.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, "GRAPHQL_PARSE_FAILED")];
    throw error;
  }
  const operation = getOperationAST(document, operationName);
  if (!operation)
    return [new GatewayError(ErrorCode.BAD_USER_INPUT, "Unable to identify the operation to run")];
  if (operation.operation !== "subscription") {
    return [
      new GatewayError(
        ErrorCode.BAD_USER_INPUT,
        "Only subscriptions are served over WebSocket; send queries and mutations with POST /graphql",
      ),
    ];
  }
  const errors = validate(schema, document, [
    ...specifiedRules,
    depthLimitRule(protections.maxDepth),
    aliasLimitRule(protections.maxAliases),
    directiveLimitRule(protections.maxDirectives),
  ]);
  if (errors.length > 0) return errors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED"));
  let cost: number;
  try {
    cost = operationCost(schema, document, variables, operationName);
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, ErrorCode.BAD_USER_INPUT)];
    throw error;
  }
  if (cost > protections.maxCost) {
    return [
      new GatewayError(
        ErrorCode.BAD_USER_INPUT,
        `The operation's estimated cost is ${cost}; at most ${protections.maxCost} (MAX_COST): ask for smaller pages or fewer fields`,
        { cost, maxCost: protections.maxCost },
      ),
    ];
  }
  return document;
}

/** Errors graphql raises about the request itself (variables that do not coerce) carry no code; give them one. */
function requestError(error: GraphQLError): GraphQLError {
  if (error.extensions.code !== undefined || error.originalError || error.path) return error;
  return withCode(error, ErrorCode.BAD_USER_INPUT);
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

/** connection_init's payload as the headers the HTTP authentication reads. */
function credentialHeaders(params: Record<string, unknown>): Record<string, string | undefined> {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return {
    authorization: text(params.authorization) ?? text(params.Authorization),
    "x-api-key": text(params.apiKey) ?? text(params["x-api-key"]),
  };
}

/** When a Bearer JWT of connection_init expires (ms since the epoch); the token was verified already. */
function tokenExpiry(params: Record<string, unknown>): number | undefined {
  const authorization =
    typeof params.authorization === "string" ? params.authorization : params.Authorization;
  if (typeof authorization !== "string") return undefined;
  const match = /^bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) return undefined;
  try {
    const { exp } = decodeJwt(match[1]!);
    return typeof exp === "number" ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** A WebSocket close reason is at most 123 bytes. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason, "utf8") > 123) reason = `${reason.slice(0, -2)}…`;
  return reason;
}
