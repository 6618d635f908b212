/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CaseDetail($id: ID!, $alertsResolved: Boolean, $alertsFirst: Int = 20) {\n  case(id: $id) {\n    id\n    title\n    description\n    severity\n    status\n    priority\n    tags\n    metadata\n    createdAt\n    updatedAt\n    resolvedAt\n    resolutionTimeSeconds\n    assignee {\n      id\n      name\n    }\n    alertCount(resolved: $alertsResolved)\n    alerts(resolved: $alertsResolved, first: $alertsFirst) {\n      id\n      type\n      severity\n      message\n      timestamp\n      resolved\n    }\n  }\n}": typeof types.CaseDetailDocument,
    "query CasesPage($filter: CaseFilter, $orderBy: CaseOrder, $first: Int = 20, $after: String) {\n  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        severity\n        status\n        priority\n        tags\n        createdAt\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        openAlertCount: alertCount(resolved: false)\n      }\n    }\n  }\n}": typeof types.CasesPageDocument,
    "query DashboardAlertTrends($from: DateTime, $to: DateTime, $granularity: TrendGranularity = DAY, $timezone: String = \"UTC\", $types: [String!]) {\n  alertTrends(\n    from: $from\n    to: $to\n    granularity: $granularity\n    timezone: $timezone\n    types: $types\n    fillGaps: true\n  ) {\n    bucket\n    date\n    type\n    count\n  }\n}": typeof types.DashboardAlertTrendsDocument,
    "query DashboardCaseStatistics($filter: CaseStatisticsFilter) {\n  caseStatistics(filter: $filter) {\n    status\n    severity\n    count\n    avgResolutionTimeSeconds\n  }\n}": typeof types.DashboardCaseStatisticsDocument,
    "query DashboardSeverityBreakdown($resolved: Boolean = false) {\n  alertSeverityBreakdown(resolved: $resolved) {\n    severity\n    count\n  }\n}": typeof types.DashboardSeverityBreakdownDocument,
    "query SearchCases($query: String!, $first: Int = 20) {\n  searchCases(query: $query, first: $first) {\n    score\n    case {\n      id\n      title\n      severity\n      status\n      priority\n      createdAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.SearchCasesDocument,
    "mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $note: String) {\n  changeCaseStatus(id: $id, status: $status, note: $note) {\n    id\n    status\n    resolvedAt\n    resolutionTimeSeconds\n    updatedAt\n  }\n}": typeof types.UpdateCaseStatusDocument,
    "query UsersPage($filter: UserFilter, $first: Int = 20, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        email\n        role\n        lastLogin\n        openCaseCount\n      }\n    }\n  }\n}": typeof types.UsersPageDocument,
};
const documents: Documents = {
    "query CaseDetail($id: ID!, $alertsResolved: Boolean, $alertsFirst: Int = 20) {\n  case(id: $id) {\n    id\n    title\n    description\n    severity\n    status\n    priority\n    tags\n    metadata\n    createdAt\n    updatedAt\n    resolvedAt\n    resolutionTimeSeconds\n    assignee {\n      id\n      name\n    }\n    alertCount(resolved: $alertsResolved)\n    alerts(resolved: $alertsResolved, first: $alertsFirst) {\n      id\n      type\n      severity\n      message\n      timestamp\n      resolved\n    }\n  }\n}": types.CaseDetailDocument,
    "query CasesPage($filter: CaseFilter, $orderBy: CaseOrder, $first: Int = 20, $after: String) {\n  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        severity\n        status\n        priority\n        tags\n        createdAt\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        openAlertCount: alertCount(resolved: false)\n      }\n    }\n  }\n}": types.CasesPageDocument,
    "query DashboardAlertTrends($from: DateTime, $to: DateTime, $granularity: TrendGranularity = DAY, $timezone: String = \"UTC\", $types: [String!]) {\n  alertTrends(\n    from: $from\n    to: $to\n    granularity: $granularity\n    timezone: $timezone\n    types: $types\n    fillGaps: true\n  ) {\n    bucket\n    date\n    type\n    count\n  }\n}": types.DashboardAlertTrendsDocument,
    "query DashboardCaseStatistics($filter: CaseStatisticsFilter) {\n  caseStatistics(filter: $filter) {\n    status\n    severity\n    count\n    avgResolutionTimeSeconds\n  }\n}": types.DashboardCaseStatisticsDocument,
    "query DashboardSeverityBreakdown($resolved: Boolean = false) {\n  alertSeverityBreakdown(resolved: $resolved) {\n    severity\n    count\n  }\n}": types.DashboardSeverityBreakdownDocument,
    "query SearchCases($query: String!, $first: Int = 20) {\n  searchCases(query: $query, first: $first) {\n    score\n    case {\n      id\n      title\n      severity\n      status\n      priority\n      createdAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n}": types.SearchCasesDocument,
    "mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $note: String) {\n  changeCaseStatus(id: $id, status: $status, note: $note) {\n    id\n    status\n    resolvedAt\n    resolutionTimeSeconds\n    updatedAt\n  }\n}": types.UpdateCaseStatusDocument,
    "query UsersPage($filter: UserFilter, $first: Int = 20, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        email\n        role\n        lastLogin\n        openCaseCount\n      }\n    }\n  }\n}": types.UsersPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseDetail($id: ID!, $alertsResolved: Boolean, $alertsFirst: Int = 20) {\n  case(id: $id) {\n    id\n    title\n    description\n    severity\n    status\n    priority\n    tags\n    metadata\n    createdAt\n    updatedAt\n    resolvedAt\n    resolutionTimeSeconds\n    assignee {\n      id\n      name\n    }\n    alertCount(resolved: $alertsResolved)\n    alerts(resolved: $alertsResolved, first: $alertsFirst) {\n      id\n      type\n      severity\n      message\n      timestamp\n      resolved\n    }\n  }\n}"): (typeof documents)["query CaseDetail($id: ID!, $alertsResolved: Boolean, $alertsFirst: Int = 20) {\n  case(id: $id) {\n    id\n    title\n    description\n    severity\n    status\n    priority\n    tags\n    metadata\n    createdAt\n    updatedAt\n    resolvedAt\n    resolutionTimeSeconds\n    assignee {\n      id\n      name\n    }\n    alertCount(resolved: $alertsResolved)\n    alerts(resolved: $alertsResolved, first: $alertsFirst) {\n      id\n      type\n      severity\n      message\n      timestamp\n      resolved\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CasesPage($filter: CaseFilter, $orderBy: CaseOrder, $first: Int = 20, $after: String) {\n  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        severity\n        status\n        priority\n        tags\n        createdAt\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        openAlertCount: alertCount(resolved: false)\n      }\n    }\n  }\n}"): (typeof documents)["query CasesPage($filter: CaseFilter, $orderBy: CaseOrder, $first: Int = 20, $after: String) {\n  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        severity\n        status\n        priority\n        tags\n        createdAt\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        openAlertCount: alertCount(resolved: false)\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardAlertTrends($from: DateTime, $to: DateTime, $granularity: TrendGranularity = DAY, $timezone: String = \"UTC\", $types: [String!]) {\n  alertTrends(\n    from: $from\n    to: $to\n    granularity: $granularity\n    timezone: $timezone\n    types: $types\n    fillGaps: true\n  ) {\n    bucket\n    date\n    type\n    count\n  }\n}"): (typeof documents)["query DashboardAlertTrends($from: DateTime, $to: DateTime, $granularity: TrendGranularity = DAY, $timezone: String = \"UTC\", $types: [String!]) {\n  alertTrends(\n    from: $from\n    to: $to\n    granularity: $granularity\n    timezone: $timezone\n    types: $types\n    fillGaps: true\n  ) {\n    bucket\n    date\n    type\n    count\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardCaseStatistics($filter: CaseStatisticsFilter) {\n  caseStatistics(filter: $filter) {\n    status\n    severity\n    count\n    avgResolutionTimeSeconds\n  }\n}"): (typeof documents)["query DashboardCaseStatistics($filter: CaseStatisticsFilter) {\n  caseStatistics(filter: $filter) {\n    status\n    severity\n    count\n    avgResolutionTimeSeconds\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardSeverityBreakdown($resolved: Boolean = false) {\n  alertSeverityBreakdown(resolved: $resolved) {\n    severity\n    count\n  }\n}"): (typeof documents)["query DashboardSeverityBreakdown($resolved: Boolean = false) {\n  alertSeverityBreakdown(resolved: $resolved) {\n    severity\n    count\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchCases($query: String!, $first: Int = 20) {\n  searchCases(query: $query, first: $first) {\n    score\n    case {\n      id\n      title\n      severity\n      status\n      priority\n      createdAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query SearchCases($query: String!, $first: Int = 20) {\n  searchCases(query: $query, first: $first) {\n    score\n    case {\n      id\n      title\n      severity\n      status\n      priority\n      createdAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $note: String) {\n  changeCaseStatus(id: $id, status: $status, note: $note) {\n    id\n    status\n    resolvedAt\n    resolutionTimeSeconds\n    updatedAt\n  }\n}"): (typeof documents)["mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $note: String) {\n  changeCaseStatus(id: $id, status: $status, note: $note) {\n    id\n    status\n    resolvedAt\n    resolutionTimeSeconds\n    updatedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersPage($filter: UserFilter, $first: Int = 20, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        email\n        role\n        lastLogin\n        openCaseCount\n      }\n    }\n  }\n}"): (typeof documents)["query UsersPage($filter: UserFilter, $first: Int = 20, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        email\n        role\n        lastLogin\n        openCaseCount\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;