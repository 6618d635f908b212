import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  type SourceLocation,
} from "graphql";
import type { CompiledQuery } from "graphql-jit";
import { BoundedLru } from "./bounded-lru";

// The CommonJS build explicitly, as for graphql-query-complexity (src/protections/cost-limit.ts):
// it must share graphql's CommonJS instance with type-graphql, or its `instanceof` checks fail.
const { compileQuery, isCompiledQuery } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, see above
  require("graphql-jit") as typeof import("graphql-jit");

/** One operation to run: what Apollo hands its executor after parsing, validation and the plugins. */
export interface OperationToExecute {
  /** The query text: with the operation name, the key of the compiled function. */
  source: string;
  document: DocumentNode;
  operationName: string | null;
  /** `query`, `mutation` or `subscription`; undefined when no operation has the requested name. */
  kind: string | undefined;
  variables: Record<string, unknown> | undefined;
  context: unknown;
}

/** Marks a document graphql-jit cannot compile, so it is not tried again. */
const NOT_COMPILABLE = "not compilable";

/**
 * Runs queries through graphql-jit: each (query text, operation name) is compiled once
 * into a JavaScript function that resolves exactly that selection, then reused; compiled
 * functions are kept in a bounded LRU (`cacheSize`; 0 compiles nothing). Everything else
 * runs on graphql-js's `execute`, so behaviour stays graphql-js's where it could differ:
 * - mutations (serial execution) and subscriptions;
 * - documents graphql-jit refuses to compile;
 * - variables that do not coerce: no resolver has run then, so graphql-js runs the
 *   operation again and its errors (and Apollo's BAD_USER_INPUT for them) are the usual ones.
 */
export class CompiledQueryExecutor {
  private readonly compiled: BoundedLru<string, CompiledQuery | typeof NOT_COMPILABLE>;

  constructor(
    private readonly schema: GraphQLSchema,
    cacheSize: number,
  ) {
    this.compiled = new BoundedLru(cacheSize);
  }

  /** Compiled functions held now (tests). */
  get size(): number {
    return this.compiled.size;
  }

  async execute(operation: OperationToExecute): Promise<ExecutionResult> {
    const compiled = operation.kind === "query" ? this.compiledFor(operation) : undefined;
    if (compiled) {
      const result = await compiled.query(undefined, operation.context, operation.variables);
      // No data at all: the variables did not coerce and nothing ran.
      if (!("data" in result)) return this.interpret(operation);
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    return this.interpret(operation);
  }

  private compiledFor(operation: OperationToExecute): CompiledQuery | undefined {
    const key = `${operation.operationName ?? ""}\n${operation.source}`;
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      const outcome = compileQuery(this.schema, operation.document, operation.operationName ?? undefined);
      compiled = isCompiledQuery(outcome) ? outcome : NOT_COMPILABLE;
      this.compiled.set(key, compiled);
    }
    return compiled === NOT_COMPILABLE ? undefined : compiled;
  }

  private interpret(operation: OperationToExecute): Promise<ExecutionResult> {
    return Promise.resolve(
      execute({
        schema: this.schema,
        document: operation.document,
        operationName: operation.operationName,
        variableValues: operation.variables,
        contextValue: operation.context,
      }),
    );
  }
}

/**
 * graphql-jit's errors are its own objects on GraphQLError's prototype, without the
 * `extensions` object graphql-js always sets (Apollo's error formatting reads
 * `extensions.code`): rebuilt as graphql-js errors with the same message, path, locations
 * and original error, so formatError and the error log see what graphql-js would give them.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  // graphql-js computes locations from AST nodes, which graphql-jit does not keep.
  (rebuilt as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return rebuilt;
}
