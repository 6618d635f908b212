/** Severity of a case or an alert. Values are what MongoDB stores. */
export enum Severity {
  LOW = "low",
  MEDIUM = "medium",
  HIGH = "high",
  CRITICAL = "critical",
}

/** Rank for sorting: never sort the stored strings, which would put "medium" first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  [Severity.LOW]: 1,
  [Severity.MEDIUM]: 2,
  [Severity.HIGH]: 3,
  [Severity.CRITICAL]: 4,
};
