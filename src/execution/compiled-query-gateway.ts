import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { CompiledQueryExecutor } from "./compiled-query-executor";

/** What Apollo Server accepts as `gateway`: a schema and an executor of its own. */
export type ExecutorGateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];

/**
 * Apollo Server 5 has no executor option; its `gateway` option is the one way to supply
 * an executor while keeping its whole request pipeline (parsing, validation rules, plugins
 * such as the cost limit and the response cache, error formatting). This "gateway" serves
 * one fixed schema and runs operations with a CompiledQueryExecutor.
 */
export function compiledQueryGateway(schema: GraphQLSchema, cacheSize: number): ExecutorGateway {
  const executor = new CompiledQueryExecutor(schema, cacheSize);
  const listeners = new Set<Parameters<ExecutorGateway["onSchemaLoadOrUpdate"]>[0]>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: "" });
      return {
        executor: (request) =>
          executor.execute({
            source: request.source,
            document: request.document,
            operationName: request.operationName,
            kind: request.operation.operation,
            variables: request.request.variables,
            context: request.context,
          }),
      };
    },
    async stop() {
      listeners.clear();
    },
  };
}
