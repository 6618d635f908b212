import type { Document } from "mongodb";
import { CaseStatus } from "../domain/case-status.enum";
import { Priority } from "../domain/priority.enum";
import { Severity } from "../domain/severity.enum";
import { UserRole } from "../domain/user-role.enum";
import { COLLECTIONS } from "./collection-names";

/** The collections that carry a `$jsonSchema` validator. */
export type ValidatedCollection =
  | typeof COLLECTIONS.cases
  | typeof COLLECTIONS.alerts
  | typeof COLLECTIONS.users
  | typeof COLLECTIONS.auditLogs;

/**
 * How a validator is applied: every insert and every update is checked (`strict`) and an
 * invalid document is refused with code 121 (`error`). Restores and migrations bypass it
 * explicitly (`bypassDocumentValidation`), never by loosening these.
 */
export const VALIDATION_LEVEL = "strict";
export const VALIDATION_ACTION = "error";

const severities = Object.values(Severity);
const dateOrNull = { bsonType: ["date", "null"] };
const objectIdOrNull = { bsonType: ["objectId", "null"] };

/**
 * The `$jsonSchema` validator of each collection of the data model: `db setup` applies them
 * (create, or collMod on an existing collection) and writers may reuse them to check a
 * document before sending it. Fields not listed are allowed (`additionalProperties` is not
 * restricted), so that adding a field never needs a validator change first.
 */
export const COLLECTION_VALIDATORS: Readonly<Record<ValidatedCollection, Document>> = {
  [COLLECTIONS.cases]: {
    $jsonSchema: {
      bsonType: "object",
      title: "cases",
      required: ["title", "status", "severity", "created_at"],
      properties: {
        title: { bsonType: "string", minLength: 1, maxLength: 200 },
        description: { bsonType: "string" },
        status: { enum: Object.values(CaseStatus) },
        severity: { enum: severities },
        priority: { enum: Object.values(Priority) },
        assignee: objectIdOrNull,
        tags: { bsonType: "array", items: { bsonType: "string" } },
        created_at: { bsonType: "date" },
        updated_at: dateOrNull,
        resolved_at: dateOrNull,
        metadata: { bsonType: "object" },
      },
    },
  },
  [COLLECTIONS.alerts]: {
    $jsonSchema: {
      bsonType: "object",
      title: "alerts",
      required: ["type", "source", "severity", "timestamp"],
      properties: {
        type: { bsonType: "string", minLength: 1 },
        source: { bsonType: "string", minLength: 1 },
        severity: { enum: severities },
        message: { bsonType: "string" },
        timestamp: { bsonType: "date" },
        case_id: objectIdOrNull,
        resolved: { bsonType: "bool" },
        resolution: { bsonType: ["string", "null"] },
      },
    },
  },
  [COLLECTIONS.users]: {
    $jsonSchema: {
      bsonType: "object",
      title: "users",
      required: ["email", "name", "role", "created_at"],
      properties: {
        email: { bsonType: "string", pattern: "^[^@\\s]+@[^@\\s]+$", maxLength: 254 },
        name: { bsonType: "string", minLength: 1, maxLength: 200 },
        role: { enum: Object.values(UserRole) },
        settings: { bsonType: "object" },
        created_at: { bsonType: "date" },
        last_login: dateOrNull,
      },
    },
  },
  // The shape the audit trail writes (src/audit/audit-log.document.ts).
  [COLLECTIONS.auditLogs]: {
    $jsonSchema: {
      bsonType: "object",
      title: "audit_logs",
      required: ["created_at", "actor", "action", "collection", "target_id", "changes", "request_id"],
      properties: {
        created_at: { bsonType: "date" },
        actor: { bsonType: "string", minLength: 1, maxLength: 200 },
        action: { bsonType: "string", minLength: 1, maxLength: 100 },
        collection: { bsonType: "string", minLength: 1 },
        target_id: { bsonType: "objectId" },
        changes: { bsonType: "object" },
        request_id: { bsonType: "string", minLength: 1, maxLength: 200 },
        details: { bsonType: "object" },
      },
    },
  },
};
