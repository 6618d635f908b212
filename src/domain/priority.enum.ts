/** Priority of a case. Values are what MongoDB stores. */
export enum Priority {
  LOW = "low",
  MEDIUM = "medium",
  HIGH = "high",
  CRITICAL = "critical",
}

/** Rank for sorting, as for severity. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = {
  [Priority.LOW]: 1,
  [Priority.MEDIUM]: 2,
  [Priority.HIGH]: 3,
  [Priority.CRITICAL]: 4,
};
