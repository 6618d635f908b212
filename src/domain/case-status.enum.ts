/** Workflow state of a case. Values are what MongoDB stores. */
export enum CaseStatus {
  OPEN = "open",
  IN_PROGRESS = "in_progress",
  RESOLVED = "resolved",
  CLOSED = "closed",
}

/** Workflow order, used wherever statuses are sorted. */
export const CASE_STATUS_ORDER: readonly CaseStatus[] = [
  CaseStatus.OPEN,
  CaseStatus.IN_PROGRESS,
  CaseStatus.RESOLVED,
  CaseStatus.CLOSED,
];
