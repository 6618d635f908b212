import { type Db, type Document, ObjectId } from "mongodb";
import { expect } from "vitest";
import type { GraphQLErrorBody, GraphQLResult } from "../../helpers/test-gateway";

/**
 * The actor of the tests' audit entries: whoever the test gateway's requests authenticate
 * as — "anonymous" without access control, the caller's id with it. audit-trail.test.ts
 * checks that the actor is exactly the context's.
 */
export const ACTOR = expect.stringMatching(/\S/);

/** The fields of a case the write tests select. */
export const CASE_FIELDS = `id title description severity status priority createdAt updatedAt resolvedAt
  resolutionTimeSeconds tags metadata assignee { id }`;
export const ALERT_FIELDS = `id type source severity message timestamp resolved resolution case { id }`;
export const USER_FIELDS = `id email name role settings createdAt lastLogin`;

/** One entry of `extensions.validationErrors`. */
export interface ValidationErrorBody {
  path: string;
  constraint: string;
  message: string;
}

/** The single error of a response, which must be BAD_USER_INPUT. */
export function badUserInput(result: GraphQLResult): GraphQLErrorBody {
  expect(result.errors, JSON.stringify(result.body)).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions?.code, JSON.stringify(error)).toBe("BAD_USER_INPUT");
  return error!;
}

/** The (path, constraint) pairs of a validation error, sorted. */
export function failedRules(error: GraphQLErrorBody): string[] {
  const entries = (error.extensions?.validationErrors ?? []) as ValidationErrorBody[];
  for (const entry of entries) {
    expect(typeof entry.message).toBe("string");
    expect(entry.message.length).toBeGreaterThan(0);
  }
  return entries.map((entry) => `${entry.path}:${entry.constraint}`).sort();
}

/** The single error of a response, with its code. */
export function errorCode(result: GraphQLResult): string | undefined {
  expect(result.errors, JSON.stringify(result.body)).toHaveLength(1);
  return result.errors![0]!.extensions?.code;
}

/** Every document of the collections, for "nothing was written" checks. */
export async function snapshot(db: Db, collections: readonly string[] = DATA_COLLECTIONS): Promise<string> {
  const parts: Record<string, Document[]> = {};
  for (const name of collections) {
    parts[name] = await db
      .collection(name)
      .find({}, { sort: { _id: 1 } })
      .toArray();
  }
  return JSON.stringify(parts);
}

export const DATA_COLLECTIONS = ["cases", "alerts", "users", "audit_logs"] as const;

/** A valid case document, as the data model stores it, inserted with the driver. */
export async function insertCase(db: Db, overrides: Document = {}): Promise<Document> {
  const created = new Date(Date.now() - 3_600_000);
  const document: Document = {
    _id: new ObjectId(),
    title: "Seeded case",
    description: "",
    severity: "medium",
    status: "open",
    priority: "medium",
    assignee: null,
    created_at: created,
    updated_at: created,
    resolved_at: null,
    tags: [],
    metadata: {},
    ...overrides,
  };
  await db.collection("cases").insertOne(document);
  return document;
}

export async function insertUser(db: Db, overrides: Document = {}): Promise<Document> {
  const created = new Date(Date.now() - 3_600_000);
  const document: Document = {
    _id: new ObjectId(),
    email: `${new ObjectId().toHexString()}@example.test`,
    name: "Seeded user",
    role: "analyst",
    settings: {},
    created_at: created,
    last_login: null,
    ...overrides,
  };
  await db.collection("users").insertOne(document);
  return document;
}

export async function insertAlert(db: Db, overrides: Document = {}): Promise<Document> {
  const document: Document = {
    _id: new ObjectId(),
    type: "cpu",
    source: "prometheus",
    severity: "high",
    message: "Seeded alert",
    timestamp: new Date(Date.now() - 60_000),
    case_id: null,
    resolved: false,
    resolution: null,
    ...overrides,
  };
  await db.collection("alerts").insertOne(document);
  return document;
}

/** The audit entries of a target, oldest first, as stored. */
export async function auditEntriesOf(db: Db, targetId: ObjectId | string): Promise<Document[]> {
  const id = typeof targetId === "string" ? ObjectId.createFromHexString(targetId) : targetId;
  return db
    .collection("audit_logs")
    .find({ target_id: id }, { sort: { created_at: 1, _id: 1 } })
    .toArray();
}

/** The audit trail of a target as [action, changes] pairs, oldest first. */
export async function auditTrailOf(db: Db, targetId: ObjectId | string): Promise<[unknown, unknown][]> {
  return (await auditEntriesOf(db, targetId)).map((entry) => [entry.action, entry.changes]);
}

export function oid(hex: string): ObjectId {
  return ObjectId.createFromHexString(hex);
}

/** Every alert's case_id is null or names a case that exists. */
export async function expectNoDanglingAlerts(target: Db): Promise<void> {
  const caseIds = new Set(
    (
      await target
        .collection("cases")
        .find({}, { projection: { _id: 1 } })
        .toArray()
    ).map((c) => String(c._id)),
  );
  const dangling = (
    await target
      .collection("alerts")
      .find({ case_id: { $ne: null } })
      .toArray()
  ).filter((alert) => !caseIds.has(String(alert.case_id)));
  expect(dangling).toEqual([]);
}
