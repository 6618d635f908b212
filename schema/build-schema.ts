import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AlertResolver } from "../resolvers/alert.resolver";
import { AnalyticsResolver } from "../resolvers/analytics.resolver";
import { CaseSearchResolver } from "../resolvers/case-search.resolver";
import { CaseResolver } from "../resolvers/case.resolver";
import { UserResolver } from "../resolvers/user.resolver";
import { validateArguments } from "./validate-arguments";

/** Every resolver of the public API. */
export const RESOLVERS = [
  CaseResolver,
  CaseSearchResolver,
  AlertResolver,
  UserResolver,
  AnalyticsResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/**
 * The gateway's executable schema, built from the decorated classes once per
 * process (type-graphql's metadata is global; building again would give the same
 * schema). Arguments are validated by class-validator plus the MAX_PAGE_SIZE cap
 * (schema/validate-arguments.ts), which needs the request context, hence validateFn.
 */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: true,
    validateFn: validateArguments,
  });
  return built;
}

/** The SDL of a schema, printed deterministically: what schema/schema.graphql holds. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
