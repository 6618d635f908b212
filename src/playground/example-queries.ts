import type { ExampleQuery } from "./example-query";

/**
 * The playground's default tabs: one per area of the public API. They use only
 * the published contract, so a schema change that breaks them also breaks clients.
 */
export const exampleQueries: readonly ExampleQuery[] = [
  {
    name: "CasesPage",
    query: `query CasesPage($filter: CaseFilter, $orderBy: CaseOrder, $first: Int, $after: String) {
  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        title
        status
        severity
        priority
        tags
        createdAt
        assignee {
          id
          name
        }
        alertCount(resolved: false)
      }
    }
  }
}
`,
    variables: {
      filter: {
        status: ["OPEN", "IN_PROGRESS"],
        severity: ["CRITICAL", "HIGH"],
        createdAfter: "2024-01-01T00:00:00Z",
      },
      orderBy: { field: "CREATED_AT", direction: "DESC" },
      first: 20,
      after: null,
    },
  },
  {
    name: "CaseDetail",
    query: `query CaseDetail($id: ID!) {
  case(id: $id) {
    id
    title
    description
    status
    severity
    priority
    tags
    metadata
    createdAt
    updatedAt
    resolvedAt
    resolutionTimeSeconds
    assignee {
      id
      name
    }
    alertCount
    alerts(first: 20) {
      id
      type
      severity
      message
      timestamp
      resolved
    }
  }
}
`,
    variables: { id: "replace-with-a-case-id-from-CasesPage" },
  },
  {
    name: "CaseStatistics",
    query: `query CaseStatistics($filter: CaseStatisticsFilter) {
  caseStatistics(filter: $filter) {
    status
    severity
    count
    avgResolutionTimeSeconds
  }
}
`,
    variables: { filter: { createdAfter: "2024-01-01T00:00:00Z" } },
  },
  {
    name: "AlertTrends",
    query: `query AlertTrends($from: DateTime, $to: DateTime, $timezone: String) {
  alertTrends(from: $from, to: $to, granularity: DAY, timezone: $timezone, fillGaps: true) {
    bucket
    date
    type
    count
  }
}
`,
    variables: { from: "2024-01-01T00:00:00Z", to: "2024-01-31T00:00:00Z", timezone: "Europe/Berlin" },
  },
  {
    name: "AlertSeverityBreakdown",
    query: `query AlertSeverityBreakdown {
  alertSeverityBreakdown(resolved: false) {
    severity
    count
  }
}
`,
  },
  {
    name: "SearchCases",
    query: `query SearchCases($query: String!, $first: Int) {
  searchCases(query: $query, first: $first) {
    score
    case {
      id
      title
      status
      severity
    }
  }
}
`,
    variables: { query: "database timeout", first: 10 },
  },
  {
    name: "Users",
    query: `query Users($first: Int, $after: String) {
  users(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        email
        role
        lastLogin
        openCaseCount
      }
    }
  }
}
`,
    variables: { first: 20 },
  },
];
