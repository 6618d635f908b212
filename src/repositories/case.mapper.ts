import type { CaseDocument } from "../db/case.document";
import { Case } from "../../schema/types/case.type";

/**
 * The one place a `cases` document (snake_case, as stored) becomes a GraphQL Case
 * (camelCase). Relations stay references here; field resolvers load them.
 */
export function toCase(document: CaseDocument): Case {
  const node = new Case();
  node.objectId = document._id;
  node.id = document._id.toHexString();
  node.title = document.title;
  node.description = document.description ?? "";
  node.severity = document.severity;
  node.status = document.status;
  node.priority = document.priority;
  node.assigneeId = document.assignee ?? null;
  node.createdAt = document.created_at;
  node.updatedAt = document.updated_at;
  node.resolvedAt = document.resolved_at ?? null;
  node.resolutionTimeSeconds = node.resolvedAt
    ? Math.floor((node.resolvedAt.getTime() - node.createdAt.getTime()) / 1000)
    : null;
  node.tags = document.tags ?? [];
  node.metadata = document.metadata ?? {};
  return node;
}
