import type { ApolloServerPlugin } from "@apollo/server";
import { context, type Span, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import type { GraphQLFormattedError } from "graphql";
import { codeLabel } from "./refusal-reason";

/** The spans of one GraphQL operation that its resolvers' spans hang from. */
export interface OperationTrace {
  tracer: Tracer;
  execute: Span | undefined;
  /** Spans of traced fields by response path ("cases.edges.0.node.assignee"). */
  fields: Map<string, Span>;
}

const traces = new WeakMap<object, OperationTrace>();

/** The trace of the operation a resolver runs in (keyed by its context value). */
export function operationTraceOf(contextValue: unknown): OperationTrace | undefined {
  return contextValue !== null && typeof contextValue === "object" ? traces.get(contextValue) : undefined;
}

/**
 * One span per GraphQL operation, child of the HTTP request's span: named
 * `query CaseList`, with the operation's name, type, document hash (sha256 of the
 * query text, as Apollo computes it) and outcome; children for parsing, validation and
 * execution. Resolver spans hang from the execution span (traced-resolvers.ts).
 */
export function graphqlTracingPlugin(tracer: Tracer): ApolloServerPlugin {
  return {
    async requestDidStart({ contextValue }) {
      const operation = tracer.startSpan("graphql.request", {}, context.active());
      const parentOf = trace.setSpan(context.active(), operation);
      const state: OperationTrace = { tracer, execute: undefined, fields: new Map() };
      traces.set(contextValue, state);
      const phase = (name: string) => {
        const span = tracer.startSpan(name, {}, parentOf);
        return async (error?: unknown) => {
          if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
          span.end();
        };
      };
      return {
        async parsingDidStart() {
          return phase("graphql.parse");
        },
        async validationDidStart() {
          const end = phase("graphql.validate");
          return async (errors?: readonly Error[]) => end(errors?.[0]);
        },
        async didResolveOperation(requestContext) {
          const type = requestContext.operation?.operation ?? "unknown";
          const name = requestContext.operationName;
          operation.updateName(name ? `${type} ${name}` : type);
          operation.setAttribute("graphql.operation.type", type);
          if (name) operation.setAttribute("graphql.operation.name", name);
        },
        async executionDidStart() {
          state.execute = tracer.startSpan("graphql.execute", {}, parentOf);
          return {
            async executionDidEnd(error?: Error) {
              if (error) state.execute?.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
              state.execute?.end();
            },
          };
        },
        async willSendResponse(requestContext) {
          const { body } = requestContext.response;
          const errors: readonly GraphQLFormattedError[] =
            (body.kind === "single" ? body.singleResult.errors : body.initialResult.errors) ?? [];
          const outcome = errors.length > 0 ? codeLabel(errors[0]!.extensions?.code) : "ok";
          if (requestContext.queryHash)
            operation.setAttribute("graphql.document.hash", requestContext.queryHash);
          operation.setAttribute("graphql.outcome", outcome);
          if (outcome !== "ok") operation.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
          operation.end();
        },
      };
    },
  };
}
