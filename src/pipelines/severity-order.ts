import { SEVERITY_RANK, Severity } from "../domain/severity.enum";

/**
 * Severities from most to least severe (critical, high, medium, low), derived from
 * SEVERITY_RANK so that a new level only needs a rank. Sorting the stored strings
 * instead would put "medium" first.
 */
export const SEVERITIES_BY_RANK_DESC: readonly Severity[] = Object.values(Severity).sort(
  (a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a],
);
