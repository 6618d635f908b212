import type { IndexDescription } from "mongodb";
import { COLLECTIONS, type CollectionName } from "./collection-names";

/**
 * Every index the gateway relies on, per collection. `ensureIndexes` creates them at
 * start; creating an index that exists with the same definition is a no-op, so this
 * is safe on every start.
 *
 * Keyset paging (see src/repositories/keyset-pager.ts) needs a compound index on each
 * sort key followed by `_id`, so that `sort` and the "after the cursor" range are both
 * served by one index scan; those are marked "paging".
 */
export const DATA_MODEL_INDEXES: Readonly<Partial<Record<CollectionName, readonly IndexDescription[]>>> = {
  [COLLECTIONS.cases]: [
    { key: { created_at: 1 }, name: "created_at_1" },
    { key: { status: 1, severity: 1 }, name: "status_1_severity_1" },
    { key: { status: 1, created_at: -1 }, name: "status_1_created_at_-1" },
    { key: { assignee: 1 }, name: "assignee_1" },
    { key: { tags: 1 }, name: "tags_1" },
    { key: { priority: 1 }, name: "priority_1" },
    {
      // Weights: a word in the title says most about what a case is, a tag is a
      // deliberate label, the description is free prose. Search ranks accordingly.
      key: { title: "text", description: "text", tags: "text" },
      name: "cases_text",
      weights: { title: 10, tags: 5, description: 1 },
      default_language: "english",
    },
    // paging: orderBy CREATED_AT / UPDATED_AT, both directions (an index walks backwards too).
    { key: { created_at: -1, _id: -1 }, name: "created_at_-1__id_-1" },
    { key: { updated_at: -1, _id: -1 }, name: "updated_at_-1__id_-1" },
    // paging: orderBy SEVERITY / PRIORITY walks one equality bucket at a time in _id order.
    { key: { severity: 1, _id: 1 }, name: "severity_1__id_1" },
    { key: { priority: 1, _id: 1 }, name: "priority_1__id_1" },
  ],
  [COLLECTIONS.alerts]: [
    { key: { timestamp: 1 }, name: "timestamp_1" },
    { key: { case_id: 1 }, name: "case_id_1" },
    { key: { severity: 1, resolved: 1 }, name: "severity_1_resolved_1" },
    { key: { resolved: 1, severity: 1 }, name: "resolved_1_severity_1" },
    {
      // Same key as case_id_1, so it needs a name of its own; serves "open alerts of a case".
      key: { case_id: 1 },
      name: "case_id_unresolved",
      partialFilterExpression: { resolved: false },
    },
    // paging: orderBy TIMESTAMP, both directions; SEVERITY walks buckets as for cases.
    { key: { timestamp: -1, _id: -1 }, name: "timestamp_-1__id_-1" },
    { key: { severity: 1, _id: 1 }, name: "severity_1__id_1" },
  ],
  [COLLECTIONS.users]: [
    { key: { email: 1 }, name: "email_1", unique: true },
    { key: { role: 1 }, name: "role_1" },
    // paging: users come newest first.
    { key: { created_at: -1, _id: -1 }, name: "created_at_-1__id_-1" },
  ],
  [COLLECTIONS.auditLogs]: [
    // 90 days of audit history, then MongoDB's TTL monitor removes it.
    { key: { created_at: 1 }, name: "created_at_1", expireAfterSeconds: 7_776_000 },
    // Queries on any field of the free-form `details` sub-document.
    { key: { "details.$**": 1 }, name: "details.$**_1" },
    // paging: Query.auditLog lists entries newest first, all of them or those of one target.
    { key: { created_at: -1, _id: -1 }, name: "created_at_-1__id_-1" },
    { key: { target_id: 1, created_at: -1, _id: -1 }, name: "target_id_1_created_at_-1__id_-1" },
  ],
  // One record per applied migration (src/operations/migration-runner.ts): never twice.
  [COLLECTIONS.migrations]: [{ key: { name: 1 }, name: "name_1", unique: true }],
};
