import { performance } from "node:perf_hooks";
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import type { FastifyBaseLogger } from "fastify";
import { getOperationAST, type GraphQLFormattedError } from "graphql";
import type { GatewayMetrics } from "./gateway-metrics";
import { codeLabel, refusalReasonOfError } from "./refusal-reason";
import { currentObservation } from "./request-observation";
import { variablesShape } from "./variables-shape";

/** What the plugin reads of the gateway's context (src/context.ts). */
interface ObservedContext {
  log?: FastifyBaseLogger;
  caller?: { identity?: { kind?: string; role?: string } };
}

export interface RequestLogOptions {
  fallbackLogger: FastifyBaseLogger;
  slowOperationMs: number;
  /** Undefined when metrics are off. */
  metrics: GatewayMetrics | undefined;
}

/**
 * One structured line per GraphQL operation, and its metrics: at info, or at warn with
 * the variables' shape (never their values) when it took SLOW_OPERATION_MS or more.
 * The line carries the request's `request_id` and `trace_id` (its logger's bindings),
 * the caller's kind and role (never a credential), the duration, the database
 * commands the HTTP request has sent so far, and the outcome: `ok` or the first
 * error's code.
 */
export function requestLogPlugin({
  fallbackLogger,
  slowOperationMs,
  metrics,
}: RequestLogOptions): ApolloServerPlugin<ObservedContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      const observation = currentObservation();
      if (observation) observation.graphqlOperations += 1;
      return {
        async willSendResponse(requestContext) {
          const durationMs = performance.now() - startedAt;
          const errors = errorsOf(requestContext);
          const outcome = errors.length > 0 ? codeLabel(errors[0]!.extensions?.code) : "ok";
          // Refused by validation: no resolved operation, but the parsed document names it.
          const operation =
            requestContext.operation ??
            (requestContext.document
              ? getOperationAST(requestContext.document, requestContext.request.operationName)
              : null) ??
            undefined;
          const rawName = operation?.name?.value ?? requestContext.request.operationName;
          const operationType = operation?.operation ?? "unknown";
          if (metrics) {
            const operationName = metrics.operationNames.label(rawName);
            metrics.graphqlRequests.inc({
              operation_name: operationName,
              operation_type: operationType,
              outcome,
            });
            metrics.graphqlDuration.observe({ operation_name: operationName }, durationMs / 1000);
            const reasons = new Set<string>();
            for (const error of errors) {
              metrics.graphqlErrors.inc({ code: codeLabel(error.extensions?.code) });
              const reason = refusalReasonOfError(error);
              if (reason) reasons.add(reason);
            }
            // A request counts once per protection, however many errors that protection reported.
            for (const reason of reasons) metrics.refusals.inc({ reason });
          }
          const { contextValue } = requestContext;
          const log = contextValue?.log ?? fallbackLogger;
          const line = {
            operation_name: rawName ?? null,
            operation_type: operationType,
            caller_kind: contextValue?.caller?.identity?.kind ?? null,
            role: contextValue?.caller?.identity?.role ?? null,
            duration_ms: Math.round(durationMs * 10) / 10,
            db_commands: observation?.dbCommands ?? null,
            outcome,
          };
          if (durationMs >= slowOperationMs) {
            log.warn(
              { ...line, variables_shape: variablesShape(requestContext.request.variables ?? {}) },
              "slow graphql request",
            );
          } else {
            log.info(line, "graphql request");
          }
        },
      };
    },
  };
}

function errorsOf(requestContext: GraphQLRequestContextWillSendResponse<ObservedContext>) {
  const { body } = requestContext.response;
  const errors: readonly GraphQLFormattedError[] | undefined =
    body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
  return errors ?? [];
}
