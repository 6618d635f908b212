/** MongoDB collection names of the data model. */
export const COLLECTIONS = {
  cases: "cases",
  alerts: "alerts",
  users: "users",
  auditLogs: "audit_logs",
  migrations: "migrations",
  archivedCases: "archived_cases",
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
