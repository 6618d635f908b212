import type { Filter } from "mongodb";
import type { AlertDocument } from "../db/alert.document";
import type { AlertFilterCriteria } from "../domain/alert-filter.criteria";
import { allOf } from "./all-of";
import { dateRangeQuery } from "./date-range.query";
import { parseObjectId } from "../db/parse-object-id";

/** The MongoDB filter for an AlertFilter (already validated at the edge). */
export function alertFilterQuery(filter: AlertFilterCriteria | null | undefined): Filter<AlertDocument> {
  if (!filter) return {};
  const conditions: Filter<AlertDocument>[] = [];
  if (filter.type) conditions.push({ type: { $in: filter.type } });
  if (filter.source) conditions.push({ source: { $in: filter.source } });
  if (filter.severity) conditions.push({ severity: { $in: filter.severity } });
  if (filter.resolved !== undefined && filter.resolved !== null)
    conditions.push({ resolved: filter.resolved });
  if (filter.caseId) conditions.push({ case_id: parseObjectId(filter.caseId, "filter.caseId") });
  const timestamp = dateRangeQuery(filter.timestampAfter, filter.timestampBefore);
  if (timestamp) conditions.push({ timestamp });
  return allOf(conditions);
}
