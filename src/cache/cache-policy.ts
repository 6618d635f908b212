import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  getNamedType,
} from "graphql";
import { COLLECTIONS } from "../db/collection-names";
// The root query fields that run an analytics aggregation: CACHE_TTL_ANALYTICS_SECONDS.
import { ANALYTICS_FIELDS } from "../resilience/aggregation-limit.plugin";
import type { CacheConfig } from "./cache-config";

/** Root query fields that read entities: CACHE_TTL_ENTITY_SECONDS. Anything else is never cached. */
const ENTITY_FIELDS: ReadonlySet<string> = new Set([
  "alert",
  "alerts",
  "case",
  "cases",
  "user",
  "users",
  "searchCases",
  "me",
]);

const ALL_DATA = [COLLECTIONS.cases, COLLECTIONS.alerts, COLLECTIONS.users, COLLECTIONS.auditLogs];

/** The collections a root query field reads (entity reads follow relations: all of them). */
const READS: Readonly<Record<string, readonly string[]>> = {
  alertTrends: [COLLECTIONS.alerts],
  alertSeverityBreakdown: [COLLECTIONS.alerts],
  alertMetrics: [COLLECTIONS.alerts],
  caseStatistics: [COLLECTIONS.cases],
  caseMetrics: [COLLECTIONS.cases, COLLECTIONS.alerts],
  caseBacklog: [COLLECTIONS.cases],
};

/**
 * The collections each mutation may write. A mutation missing here invalidates every
 * cached result: a new mutation can make the cache slower, never wrong.
 */
const WRITES: Readonly<Record<string, readonly string[]>> = {
  createCase: [COLLECTIONS.cases, COLLECTIONS.alerts, COLLECTIONS.auditLogs],
  updateCase: [COLLECTIONS.cases, COLLECTIONS.auditLogs],
  changeCaseStatus: [COLLECTIONS.cases, COLLECTIONS.auditLogs],
  assignCase: [COLLECTIONS.cases, COLLECTIONS.auditLogs],
  addCaseTags: [COLLECTIONS.cases, COLLECTIONS.auditLogs],
  removeCaseTags: [COLLECTIONS.cases, COLLECTIONS.auditLogs],
  deleteCase: [COLLECTIONS.cases, COLLECTIONS.alerts, COLLECTIONS.auditLogs],
  createAlert: [COLLECTIONS.alerts, COLLECTIONS.cases, COLLECTIONS.auditLogs],
  resolveAlert: [COLLECTIONS.alerts, COLLECTIONS.cases, COLLECTIONS.auditLogs],
  linkAlertToCase: [COLLECTIONS.alerts, COLLECTIONS.cases, COLLECTIONS.auditLogs],
  unlinkAlert: [COLLECTIONS.alerts, COLLECTIONS.cases, COLLECTIONS.auditLogs],
  createUser: [COLLECTIONS.users, COLLECTIONS.auditLogs],
  updateUser: [COLLECTIONS.users, COLLECTIONS.auditLogs],
  updateUserRole: [COLLECTIONS.users, COLLECTIONS.auditLogs],
  setProfilingLevel: [],
};

/**
 * Fields whose value or visibility depends on who asks (`Type.field`): a result that
 * selects one is cached per caller, never per role only.
 */
export const CALLER_DEPENDENT_FIELDS: ReadonlySet<string> = new Set(["Query.me", "User.email"]);

/** How a query may be cached: for how long, which collections it read, whether per caller. */
export interface QueryCachePolicy {
  /** 0: not cached. */
  ttlSeconds: number;
  reads: string[];
  perCaller: boolean;
}

/** The policy of one query operation: the smallest TTL of its root fields. */
export function queryCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  config: CacheConfig,
): QueryCachePolicy {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const roots = rootFieldNames(operation, fragments);
  let ttlSeconds = Number.POSITIVE_INFINITY;
  const reads = new Set<string>();
  for (const field of roots) {
    if (field === "__typename") continue;
    const ttl = ANALYTICS_FIELDS.has(field)
      ? config.ttlAnalyticsSeconds
      : ENTITY_FIELDS.has(field)
        ? config.ttlEntitySeconds
        : 0;
    ttlSeconds = Math.min(ttlSeconds, ttl);
    for (const collection of READS[field] ?? ALL_DATA) reads.add(collection);
  }
  if (!Number.isFinite(ttlSeconds)) ttlSeconds = 0;
  return { ttlSeconds, reads: [...reads], perCaller: selectsCallerDependentField(schema, document) };
}

/** The collections a mutation operation's root fields may write. */
export function mutationWrites(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const writes = new Set<string>();
  for (const field of rootFieldNames(operation, fragments)) {
    for (const collection of WRITES[field] ?? ALL_DATA) writes.add(collection);
  }
  return [...writes];
}

function rootFieldNames(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (selections: OperationDefinitionNode["selectionSet"]["selections"]): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet.selections);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet.selections);
      }
    }
  };
  walk(operation.selectionSet.selections);
  return names;
}

function selectsCallerDependentField(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field && CALLER_DEPENDENT_FIELDS.has(`${getNamedType(parent).name}.${field.name}`)) {
          found = true;
        }
      },
    }),
  );
  return found;
}
