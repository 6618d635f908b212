import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import type { GraphQLSchema, OperationDefinitionNode } from "graphql";
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
            // The name the client asked for (request.operationName is the one Apollo found, or null).
            operationName: request.request.operationName ?? null,
            // Absent when no operation of the document has the requested name: graphql-js says so.
            kind: (request.operation as OperationDefinitionNode | undefined)?.operation,
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
