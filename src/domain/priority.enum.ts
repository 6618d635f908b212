import { positionsOf, stringEnum } from "./string-enum";

/** Priorities of a case, lowest first. Values are what MongoDB stores. */
export const PRIORITIES = ["low", "medium", "high", "critical"] as const;

/** Priority of a case: `Priority.LOW` … `Priority.CRITICAL`. */
export const Priority = stringEnum(PRIORITIES);
export type Priority = (typeof PRIORITIES)[number];

/** Rank for sorting, as for severity. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = positionsOf(PRIORITIES);
