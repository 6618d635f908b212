import type { Document } from "mongodb";

// What a client should see for a stored document, derived here by hand from the data model:
// camelCase fields, enum names as the upper-cased stored values, dates as ISO strings. Relations
// are left to the caller, whose selection decides them.

/** The GraphQL form of a stored case (without `assignee`). */
export function expectedCase(document: Document): Document {
  const resolvedAt = document.resolved_at as Date | null | undefined;
  return {
    id: document._id.toHexString(),
    title: document.title,
    description: document.description,
    severity: String(document.severity).toUpperCase(),
    status: String(document.status).toUpperCase(),
    priority: String(document.priority).toUpperCase(),
    createdAt: document.created_at.toISOString(),
    updatedAt: document.updated_at.toISOString(),
    resolvedAt: resolvedAt ? resolvedAt.toISOString() : null,
    resolutionTimeSeconds: resolvedAt
      ? Math.floor((resolvedAt.getTime() - document.created_at.getTime()) / 1000)
      : null,
    tags: document.tags,
    metadata: document.metadata,
  };
}

/** The GraphQL form of a stored alert (without `case`). */
export function expectedAlert(document: Document): Document {
  return {
    id: document._id.toHexString(),
    type: document.type,
    source: document.source,
    severity: String(document.severity).toUpperCase(),
    message: document.message,
    timestamp: document.timestamp.toISOString(),
    resolved: document.resolved,
    resolution: document.resolution,
  };
}

/** The GraphQL form of a stored user (every field, as ADMIN sees it). */
export function expectedUser(document: Document): Document {
  return {
    id: document._id.toHexString(),
    email: document.email,
    name: document.name,
    role: String(document.role).toUpperCase(),
    settings: document.settings,
    createdAt: document.created_at.toISOString(),
    lastLogin: document.last_login ? document.last_login.toISOString() : null,
  };
}
