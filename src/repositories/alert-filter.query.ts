import type { Filter } from "mongodb";
import type { AlertDocument } from "../db/alert.document";
import type { AlertFilterCriteria } from "../domain/alert-filter.criteria";
import { allOf } from "./all-of";
import { dateRangeQuery } from "./date-range.query";
import { inConditions } from "./in-conditions";
import { parseObjectId } from "../db/parse-object-id";

/** The MongoDB filter for an AlertFilter (already validated at the edge). */
export function alertFilterQuery(filter: AlertFilterCriteria | null | undefined): Filter<AlertDocument> {
  if (!filter) return {};
  const conditions = inConditions<AlertDocument, AlertFilterCriteria>(filter, ["type", "source", "severity"]);
  if (filter.resolved !== undefined && filter.resolved !== null)
    conditions.push({ resolved: filter.resolved });
  if (filter.caseId) conditions.push({ case_id: parseObjectId(filter.caseId, "filter.caseId") });
  const timestamp = dateRangeQuery(filter.timestampAfter, filter.timestampBefore);
  if (timestamp) conditions.push({ timestamp });
  return allOf(conditions);
}
