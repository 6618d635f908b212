import type { Database } from "../storage/database";
import type { Doc } from "../storage/doc";
import { applyUpdate } from "./apply-update";
import { isPlainObject } from "../bson/is-plain-object";
import type { Deadline } from "./deadline";
import { findDocuments } from "./find-documents";
import { guardDecimals } from "./guard-decimals";
import type { OpStats } from "./op-stats";
import type { SortSpec } from "./sort-spec";
import { upsertSeed } from "./upsert-seed";
import { checkDocumentValidation } from "../storage/validation-check";
import { assertDocumentSize } from "../storage/document-limits";
import { withoutText } from "../text-search/extract-text-query";

export interface UpdateStatement {
  filter: Record<string, unknown>;
  update: unknown;
  multi: boolean;
  upsert: boolean;
  arrayFilters?: Record<string, unknown>[];
  hint?: unknown;
  sort?: SortSpec;
  /** bypassDocumentValidation of the command: skip the collection validator. */
  bypassDocumentValidation?: unknown;
}

export interface UpdateResult {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  /** For findAndModify: the first matched document before and after. */
  before?: Doc;
  after?: Doc;
}

/** Runs one update statement: matching documents are collected first, then rewritten one by one. */
export function runUpdate(
  db: Database,
  collName: string,
  st: UpdateStatement,
  deadline: Deadline,
  stats: OpStats,
): UpdateResult {
  const existing = db.get(collName);
  guardDecimals(existing, st.filter, st.update);
  const found = findDocuments(
    existing,
    { filter: st.filter, sort: st.sort ?? [], skip: 0, limit: st.multi ? 0 : 1, hint: st.hint, deadline },
    stats,
  );
  const rows = Array.from(found.rows);
  const result: UpdateResult = { matched: rows.length, modified: 0 };
  for (const [rid, doc] of rows) {
    deadline.tick();
    const outcome = applyUpdate(doc, st.update, {
      arrayFilters: st.arrayFilters,
      filter: withoutText(st.filter),
      inserting: false,
    });
    if (result.before === undefined) {
      result.before = doc;
      result.after = outcome.doc;
    }
    if (!outcome.changed) continue;
    const coll = existing as NonNullable<typeof existing>;
    assertDocumentSize(outcome.doc);
    checkDocumentValidation(coll, outcome.doc, doc, st.bypassDocumentValidation);
    coll.apply({ op: "update", rid, doc: outcome.doc, replace: isReplacement(st.update) });
    result.modified++;
  }
  if (rows.length === 0 && st.upsert) {
    const seed = upsertSeed(st.filter);
    const outcome = applyUpdate(seed, st.update, {
      arrayFilters: st.arrayFilters,
      filter: withoutText(st.filter),
      inserting: true,
    });
    const coll = db.getOrCreate(collName);
    assertDocumentSize(outcome.doc);
    checkDocumentValidation(coll, outcome.doc, null, st.bypassDocumentValidation);
    coll.apply({ op: "insert", doc: outcome.doc });
    result.upsertedId = outcome.doc._id;
    result.after = outcome.doc;
  }
  return result;
}

/** An update given as a whole document (no operators, not a pipeline). */
function isReplacement(update: unknown): boolean {
  return isPlainObject(update) && Object.keys(update).every((k) => !k.startsWith("$"));
}
