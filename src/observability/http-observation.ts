import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from "@opentelemetry/api";
import { parseTraceParent } from "@opentelemetry/core";
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from "@opentelemetry/semantic-conventions";
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from "fastify";
import { requestIdOf } from "../context";
import type { GatewayMetrics } from "./gateway-metrics";
import { codeLabel, refusalReasonOfHttp } from "./refusal-reason";
import { beginObservation, observationOf, runWithObservation } from "./request-observation";

/**
 * Fastify's genReqId: the caller's `x-request-id` when sensible (the rule of
 * src/context.ts), else a random UUID; so the logs' request_id is the audit trail's.
 */
export function requestIdOfRaw(raw: IncomingMessage): string {
  return requestIdOf({ headers: raw.headers, id: randomUUID() });
}

type ChildLoggerFactory = NonNullable<FastifyServerOptions["childLoggerFactory"]>;

export interface HttpObservationOptions {
  graphqlPath: string;
  tracer: Tracer | undefined;
}

/**
 * Fastify's childLoggerFactory: the first thing Fastify does with a request, so it is
 * where a request to the GraphQL endpoint starts being observed (and its HTTP span,
 * when tracing is on). Every line the request's logger writes, Fastify's own
 * "incoming request" included, carries `request_id` and, when known, `trace_id`. The
 * URL is logged without its query string: a GET request carries its variables there.
 */
export function createChildLoggerFactory({
  graphqlPath,
  tracer,
}: HttpObservationOptions): ChildLoggerFactory {
  return function childLoggerFactory(logger, bindings, options, raw) {
    const { reqId, ...rest } = bindings as { reqId?: unknown };
    const path = (raw.url ?? "").split("?")[0];
    let traceId: string | undefined;
    if (path === graphqlPath) {
      let span;
      if (tracer) {
        const parent = propagation.extract(ROOT_CONTEXT, raw.headers);
        span = tracer.startSpan(
          `${raw.method ?? "GET"} ${graphqlPath}`,
          {
            kind: SpanKind.SERVER,
            attributes: { [ATTR_HTTP_REQUEST_METHOD]: raw.method ?? "GET", [ATTR_HTTP_ROUTE]: graphqlPath },
          },
          parent,
        );
        traceId = span.spanContext().traceId;
      } else {
        const header = raw.headers.traceparent;
        traceId = typeof header === "string" ? parseTraceParent(header)?.traceId : undefined;
      }
      beginObservation(raw, { span, traceId });
    }
    return logger.child(
      { ...rest, request_id: reqId, ...(traceId ? { trace_id: traceId } : {}) },
      { ...options, serializers: { ...options.serializers, req: requestWithoutQuery } },
    ) as FastifyBaseLogger;
  };
}

function requestWithoutQuery(request: { method?: string; url?: string; host?: string; ip?: string }) {
  return {
    method: request.method,
    url: request.url?.split("?")[0],
    host: request.host,
    remoteAddress: request.ip,
  };
}

/**
 * Hooks of the GraphQL route. The first preHandler (body parsed, before the
 * authentication and rate-limit checks) makes the request's observation, and its span,
 * current for everything that follows, so database commands are counted and traced
 * under it. onSend records the requests a check refused before Apollo saw them.
 */
export function registerGraphqlRouteHooks(scope: FastifyInstance, metrics: GatewayMetrics | undefined): void {
  scope.addHook("preHandler", (request, _reply, done) => {
    const observation = observationOf(request.raw);
    if (!observation) return done();
    runWithObservation(observation, () => {
      if (observation.span) context.with(trace.setSpan(context.active(), observation.span), () => done());
      else done();
    });
  });
  scope.addHook("onSend", async (request, reply, payload) => {
    const observation = observationOf(request.raw);
    const status = reply.statusCode;
    if (!observation || observation.graphqlOperations > 0 || status < 400) return payload;
    const code = errorCodeOfPayload(payload);
    const outcome = code ?? `HTTP_${status}`;
    const reason = refusalReasonOfHttp(status, code);
    if (metrics) {
      const operationName = metrics.operationNames.label(operationNameOfBody(request.body));
      metrics.graphqlRequests.inc({ operation_name: operationName, operation_type: "unknown", outcome });
      if (code) metrics.graphqlErrors.inc({ code });
      if (reason) metrics.refusals.inc({ reason });
    }
    request.log.info(
      {
        outcome,
        status,
        ...(reason ? { refused_by: reason } : {}),
        duration_ms: Math.round(performance.now() - observation.startedAt),
        db_commands: observation.dbCommands,
      },
      "graphql request refused",
    );
    return payload;
  });
}

/** Ends the HTTP span of a request to the GraphQL endpoint (any route: 404s included). */
export function registerHttpSpanEnd(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    const span = observationOf(request.raw)?.span;
    if (!span) return;
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/** The code of the first error of a JSON response body sent by a check, if any. */
function errorCodeOfPayload(payload: unknown): string | undefined {
  if (typeof payload !== "string" || payload.length > 65_536) return undefined;
  try {
    const body = JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[]; code?: unknown };
    const code = body.errors?.[0]?.extensions?.code ?? body.code;
    return code === undefined ? undefined : codeLabel(code);
  } catch {
    return undefined;
  }
}

function operationNameOfBody(body: unknown): unknown {
  return body !== null && typeof body === "object" && !Array.isArray(body)
    ? (body as { operationName?: unknown }).operationName
    : undefined;
}
