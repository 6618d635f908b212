import { positionsOf, stringEnum } from "./string-enum";

/** Severities of a case or an alert, lowest first. Values are what MongoDB stores. */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** Severity of a case or an alert: `Severity.LOW` … `Severity.CRITICAL`. */
export const Severity = stringEnum(SEVERITIES);
export type Severity = (typeof SEVERITIES)[number];

/** Rank for sorting: never sort the stored strings, which would put "medium" first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = positionsOf(SEVERITIES);
