import type { CaseDocument } from "../db/case.document";
import type { CaseRecord } from "../domain/case.record";

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
    resolutionTimeSeconds: resolvedAt
      ? Math.floor((resolvedAt.getTime() - document.created_at.getTime()) / 1000)
      : null,
    tags: document.tags ?? [],
    metadata: document.metadata ?? {},
  };
}
