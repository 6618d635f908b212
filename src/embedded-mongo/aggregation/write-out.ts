import { Collection } from "../storage/collection";
import type { Database } from "../storage/database";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";
import { withIdFirst } from "../storage/with-id-first";
import { isPlainObject } from "../bson/is-plain-object";
import { targetNamespace } from "./target-namespace";

/**
 * $out: builds the new content in a fresh collection carrying the target's indexes and options,
 * then swaps it in; on any error (duplicate _id, unique index) the target is left untouched.
 */
export function writeOut(engine: Engine, db: Database, spec: unknown, docs: Iterator<Doc>): void {
  const target = targetNamespace(isPlainObject(spec) ? spec : spec, db.name, "$out");
  const targetDb = engine.db(target.db);
  const old = targetDb.get(target.coll);
  const next = new Collection(target.db, target.coll, old ? { ...old.options } : {});
  if (old) {
    for (const index of old.indexes.values()) if (index.name !== "_id_") next.addIndex({ ...index.spec });
  }
  for (let r = docs.next(); !r.done; r = docs.next()) {
    next.apply({ op: "insert", doc: withIdFirst(r.value) });
  }
  if (old) engine.cursors.killNamespace(old.ns);
  targetDb.collections.set(target.coll, next);
}
