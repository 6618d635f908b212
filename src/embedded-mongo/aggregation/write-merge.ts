import { compareValues } from "../bson/compare-values";
import { numberTagsOf, tagNumber } from "../bson/numeric-tags";
import { CommandError } from "../errors/command-error";
import { applyUpdate } from "../query/apply-update";
import { Deadline } from "../query/deadline";
import { isPlainObject } from "../bson/is-plain-object";
import { findDocuments } from "../query/find-documents";
import { newOpStats } from "../query/op-stats";
import type { Collection } from "../storage/collection";
import type { Database } from "../storage/database";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";
import { withIdFirst } from "../storage/with-id-first";
import { targetNamespace } from "./target-namespace";

type WhenMatched = "replace" | "keepExisting" | "merge" | "fail" | Record<string, unknown>[];
type WhenNotMatched = "insert" | "discard" | "fail";

/**
 * $merge, carried out on the engine's collections: documents are matched on the `on` fields
 * through the target's unique index, then replaced, merged, kept, rejected, or run through a
 * pipeline; unmatched ones are inserted, discarded or rejected.
 */
export function writeMerge(
  engine: Engine,
  db: Database,
  rawSpec: unknown,
  docs: Iterator<Doc>,
  variables: Record<string, unknown> | undefined,
): void {
  const spec = typeof rawSpec === "string" ? { into: rawSpec } : rawSpec;
  if (!isPlainObject(spec)) throw new CommandError(51182, "$merge requires a string or an object argument");
  const target = targetNamespace(spec.into, db.name, "$merge");
  const on =
    spec.on === undefined ? ["_id"] : Array.isArray(spec.on) ? spec.on.map(String) : [String(spec.on)];
  if (on.length === 0)
    throw new CommandError(51187, "If explicitly specifying $merge 'on', must include at least one field");
  const whenMatched = (spec.whenMatched ?? "merge") as WhenMatched;
  const whenNotMatched = (spec.whenNotMatched ?? "insert") as WhenNotMatched;
  if (!Array.isArray(whenMatched) && !["replace", "keepExisting", "merge", "fail"].includes(whenMatched)) {
    throw new CommandError(
      9,
      `Enumeration value '${String(whenMatched)}' for field 'whenMatched' is not a valid value.`,
    );
  }
  if (!["insert", "discard", "fail"].includes(whenNotMatched)) {
    throw new CommandError(
      9,
      `Enumeration value '${String(whenNotMatched)}' for field 'whenNotMatched' is not a valid value.`,
    );
  }
  const targetDb = engine.db(target.db);
  const existing = targetDb.get(target.coll);
  const onIsId = on.length === 1 && on[0] === "_id";
  if (!onIsId && !(existing && hasUniqueIndexOn(existing, on))) {
    throw new CommandError(51183, "Cannot find index to verify that $merge's 'on' fields will be unique");
  }
  // Read the whole input first: the target may be the source collection.
  const input: Doc[] = [];
  for (let r = docs.next(); !r.done; r = docs.next()) input.push(r.value);
  const coll = targetDb.getOrCreate(target.coll);
  const letVars = isPlainObject(spec.let) ? spec.let : undefined;
  for (const doc of input) {
    const filter: Record<string, unknown> = {};
    for (const field of on) {
      const v = valueAt(doc, field);
      if (v === undefined || v === null || Array.isArray(v)) {
        throw new CommandError(
          51132,
          "$merge write error: 'on' field cannot be missing, null, undefined or an array",
        );
      }
      filter[field] = v;
    }
    const match = findOne(coll, filter);
    if (!match) {
      if (whenNotMatched === "discard") continue;
      if (whenNotMatched === "fail") {
        throw new CommandError(
          13113,
          "$merge could not find a matching document in the target collection for at least one document in the source collection",
        );
      }
      coll.apply({ op: "insert", doc: withIdFirst(doc) });
      continue;
    }
    const [rid, current] = match;
    let next: Doc;
    if (whenMatched === "keepExisting") continue;
    if (whenMatched === "fail") {
      throw new CommandError(
        11000,
        `$merge with whenMatched: fail found an existing document with the same values for the 'on' field: ${JSON.stringify(filter)}`,
        {
          keyPattern: Object.fromEntries(on.map((f) => [f, 1])),
          keyValue: filter,
        },
      );
    }
    if (whenMatched === "replace") {
      checkId(current, doc);
      next = withIdFirst({ ...copyWithTags(doc), _id: current._id });
    } else if (whenMatched === "merge") {
      checkId(current, doc);
      next = mergeTopLevel(current, doc);
    } else {
      const vars = { ...(variables ?? {}), ...(letVars ? evalLet(letVars, doc) : { new: doc }) };
      next = applyUpdate(current, whenMatched, { filter: {}, inserting: false, variables: vars }).doc;
    }
    coll.apply({ op: "update", rid, doc: next });
  }
}

function hasUniqueIndexOn(coll: Collection, on: string[]): boolean {
  const wanted = new Set(on);
  for (const index of coll.indexes.values()) {
    if (!index.unique || index.spec.partialFilterExpression || index.kind !== "btree") continue;
    const paths = index.fields.map((f) => f.path);
    if (paths.length === wanted.size && paths.every((p) => wanted.has(p))) return true;
  }
  return false;
}

function findOne(coll: Collection, filter: Record<string, unknown>): [number, Doc] | undefined {
  const found = findDocuments(
    coll,
    { filter, sort: [], skip: 0, limit: 1, deadline: new Deadline(undefined) },
    newOpStats(),
  );
  const r = found.rows.next();
  return r.done ? undefined : r.value;
}

function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function checkId(current: Doc, incoming: Doc): void {
  if ("_id" in incoming && compareValues(current._id, incoming._id) !== 0) {
    throw new CommandError(
      66,
      "$merge failed to update the matching document, did you attempt to modify the _id or the shard key?",
    );
  }
}

function copyWithTags(doc: Doc): Doc {
  const out: Doc = { ...doc };
  const tags = numberTagsOf(doc);
  if (tags) for (const k of Object.keys(tags)) tagNumber(out, k, tags[k]);
  return out;
}

/** whenMatched "merge": the target's fields overwritten by the incoming document's. */
function mergeTopLevel(current: Doc, incoming: Doc): Doc {
  const out: Doc = { ...current, ...incoming, _id: current._id };
  const currentTags = numberTagsOf(current);
  if (currentTags)
    for (const k of Object.keys(currentTags)) if (!(k in incoming)) tagNumber(out, k, currentTags[k]);
  const incomingTags = numberTagsOf(incoming);
  if (incomingTags) for (const k of Object.keys(incomingTags)) tagNumber(out, k, incomingTags[k]);
  return withIdFirst(out);
}

/** `let` of $merge: expressions over the incoming document ($$new is only defined without let). */
function evalLet(letVars: Record<string, unknown>, doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(letVars)) {
    out[k] =
      v === "$$new"
        ? doc
        : typeof v === "string" && v.startsWith("$") && !v.startsWith("$$")
          ? valueAt(doc, v.slice(1))
          : v;
  }
  return out;
}
