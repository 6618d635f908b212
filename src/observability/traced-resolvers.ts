import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import {
  defaultFieldResolver,
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  type ResponsePath,
} from "graphql";
import { operationTraceOf } from "./graphql-tracing.plugin";

const WRAPPED = Symbol("jupiter.traced");

/** Types that only wrap pages (edges, page info): their fields get no span of their own. */
const WRAPPER_TYPE = /(Connection|Edge|PageInfo)$/;

/**
 * Gives root fields and relation fields (fields returning objects, outside the
 * connection wrappers) a span each while a traced operation runs: the resolver runs
 * with its span active, so the MongoDB commands it causes (DataLoader batches
 * included) are its children. Scalar fields get none. Installed only when tracing is
 * on; a resolver of an untraced request costs one WeakMap lookup.
 */
export function traceResolvers(schema: GraphQLSchema): void {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
      (type): type is GraphQLObjectType => type !== null && type !== undefined,
    ),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const traced =
        roots.has(type) || (!WRAPPER_TYPE.test(type.name) && isCompositeType(getNamedType(field.type)));
      if (traced) wrap(field);
    }
  }
}

function wrap(field: GraphQLField<unknown, unknown> & { [WRAPPED]?: true }): void {
  if (field[WRAPPED]) return;
  field[WRAPPED] = true;
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, contextValue, info) => {
    const state = operationTraceOf(contextValue);
    if (!state?.execute) return resolve(source, args, contextValue, info);
    const keys = pathKeys(info.path);
    const parent = parentSpan(state.fields, keys) ?? state.execute;
    const span = state.tracer.startSpan(
      `${info.parentType.name}.${info.fieldName}`,
      {
        attributes: {
          "graphql.field.name": info.fieldName,
          "graphql.field.path": keys.join("."),
          "graphql.field.type": String(info.returnType),
        },
      },
      trace.setSpan(context.active(), parent),
    );
    state.fields.set(keys.join("."), span);
    const fail = (error: unknown) => {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
      span.end();
    };
    let result: unknown;
    try {
      result = context.with(trace.setSpan(context.active(), span), () =>
        resolve(source, args, contextValue, info as GraphQLResolveInfo),
      );
    } catch (error) {
      fail(error);
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          fail(error);
          throw error;
        },
      );
    }
    span.end();
    return result;
  };
}

function pathKeys(path: ResponsePath | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.prev) keys.push(at.key);
  return keys.reverse();
}

/** The span of the nearest traced ancestor field. */
function parentSpan<T>(fields: Map<string, T>, keys: (string | number)[]): T | undefined {
  for (let length = keys.length - 1; length > 0; length -= 1) {
    const span = fields.get(keys.slice(0, length).join("."));
    if (span) return span;
  }
  return undefined;
}
