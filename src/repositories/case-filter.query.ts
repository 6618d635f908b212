import type { Filter } from "mongodb";
import type { CaseDocument } from "../db/case.document";
import type { CaseFilterCriteria } from "../domain/case-filter.criteria";
import { allOf } from "./all-of";
import { dateRangeQuery } from "./date-range.query";
import { inConditions } from "./in-conditions";
import { parseObjectId } from "../db/parse-object-id";

/** The MongoDB filter for a CaseFilter (already validated at the edge). */
export function caseFilterQuery(filter: CaseFilterCriteria | null | undefined): Filter<CaseDocument> {
  if (!filter) return {};
  const conditions = inConditions<CaseDocument, CaseFilterCriteria>(filter, [
    "status",
    "severity",
    "priority",
  ]);
  if (filter.assigneeId) conditions.push({ assignee: parseObjectId(filter.assigneeId, "filter.assigneeId") });
  // `null` also matches a missing field: a case without the field is unassigned too.
  if (filter.unassigned === true) conditions.push({ assignee: null });
  if (filter.unassigned === false) conditions.push({ assignee: { $ne: null } });
  if (filter.tagsAny || filter.tagsAll) {
    conditions.push({
      tags: {
        ...(filter.tagsAny ? { $in: filter.tagsAny } : {}),
        ...(filter.tagsAll ? { $all: filter.tagsAll } : {}),
      },
    });
  }
  const created = dateRangeQuery(filter.createdAfter, filter.createdBefore);
  if (created) conditions.push({ created_at: created });
  const updated = dateRangeQuery(filter.updatedAfter, filter.updatedBefore);
  if (updated) conditions.push({ updated_at: updated });
  return allOf(conditions);
}
