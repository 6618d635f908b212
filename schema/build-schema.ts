import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AdminResolver } from "../resolvers/admin.resolver";
import { AlertMutationResolver } from "../resolvers/alert-mutation.resolver";
import { AlertResolver } from "../resolvers/alert.resolver";
import { AnalyticsResolver } from "../resolvers/analytics.resolver";
import { AlertMetricRowResolver } from "../resolvers/alert-metric-row.resolver";
import { CaseBacklogRowResolver } from "../resolvers/case-backlog-row.resolver";
import { CaseMetricRowResolver } from "../resolvers/case-metric-row.resolver";
import { MetricsResolver } from "../resolvers/metrics.resolver";
import { AuditLogResolver } from "../resolvers/audit-log.resolver";
import { CaseMutationResolver } from "../resolvers/case-mutation.resolver";
import { CaseSearchResolver } from "../resolvers/case-search.resolver";
import { CaseResolver } from "../resolvers/case.resolver";
import { UserMutationResolver } from "../resolvers/user-mutation.resolver";
import { UserResolver } from "../resolvers/user.resolver";
import { MeResolver } from "../resolvers/me.resolver";
import { LiveResolver } from "../resolvers/live.resolver";
import { authChecker } from "../src/auth/auth-checker";
import { unusedPubSub } from "../src/live/unused-pub-sub";
import { validateArguments } from "./validate-arguments";

/** Every resolver of the public API. */
export const RESOLVERS = [
  CaseResolver,
  CaseSearchResolver,
  AlertResolver,
  UserResolver,
  AnalyticsResolver,
  MetricsResolver,
  AlertMetricRowResolver,
  CaseMetricRowResolver,
  CaseBacklogRowResolver,
  CaseMutationResolver,
  AlertMutationResolver,
  UserMutationResolver,
  AuditLogResolver,
  AdminResolver,
  MeResolver,
  LiveResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/**
 * The gateway's executable schema, built from the decorated classes once per
 * process (type-graphql's metadata is global; building again would give the same
 * schema). Arguments are validated by class-validator plus the MAX_PAGE_SIZE cap
 * (schema/validate-arguments.ts), which needs the request context, hence validateFn.
 * Mutations take one arguments class each (`@Args`), so validateFn sees all their
 * arguments — scalars such as `addCaseTags(tags:)` included — in one call.
 */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: true,
    validateFn: validateArguments,
    // Access control (src/auth/auth-checker.ts): every @Authorized rule is checked
    // before its resolver runs, so a refused field sends no database command.
    authChecker,
    // Subscriptions bring their own `subscribe` (src/live); type-graphql insists on a PubSub anyway.
    pubSub: unusedPubSub,
  });
  return built;
}

/** The SDL of a schema, printed deterministically: what schema/schema.graphql holds. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
