import type { CaseDocument } from "../db/case.document";
import type { CaseRecord } from "../domain/case.record";
import type { StoredFieldTable } from "../db/stored-fields";

/**
 * The stored fields each field of a case reads, by GraphQL field name (reads are projected
 * to what a selection needs: src/selection/selected-stored-fields.ts). `id` and the
 * relations found by the case's id read only `_id`, which every read returns.
 */
export const CASE_STORED_FIELDS: StoredFieldTable = {
  id: [],
  title: ["title"],
  description: ["description"],
  severity: ["severity"],
  status: ["status"],
  priority: ["priority"],
  createdAt: ["created_at"],
  updatedAt: ["updated_at"],
  resolvedAt: ["resolved_at"],
  resolutionTimeSeconds: ["resolved_at", "created_at"],
  tags: ["tags"],
  metadata: ["metadata"],
  assignee: ["assignee"],
  alerts: [],
  alertCount: [],
};

/**
 * The one place a `cases` document (snake_case, as stored) becomes a CaseRecord
 * (camelCase), which the GraphQL Case type serves as it is. Relations stay references here; field resolvers load them.
 */
export function toCase(document: CaseDocument): CaseRecord {
  const resolvedAt = document.resolved_at ?? null;
  return {
    objectId: document._id,
    id: document._id.toHexString(),
    title: document.title,
    description: document.description ?? "",
    severity: document.severity,
    status: document.status,
    priority: document.priority,
    assigneeId: document.assignee ?? null,
    createdAt: document.created_at,
    updatedAt: document.updated_at,
    resolvedAt,
    // A read that projected created_at away was not asked for this field (CASE_STORED_FIELDS).
    resolutionTimeSeconds:
      resolvedAt && document.created_at
        ? Math.floor((resolvedAt.getTime() - document.created_at.getTime()) / 1000)
        : null,
    tags: document.tags ?? [],
    metadata: document.metadata ?? {},
  };
}
