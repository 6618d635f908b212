import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";

/** The {db, coll} a $out or $merge writes to (a bare name means the current database). */
export function targetNamespace(spec: unknown, dbName: string, stage: string): { db: string; coll: string } {
  if (typeof spec === "string") return { db: dbName, coll: spec };
  if (isPlainObject(spec) && typeof spec.coll === "string") {
    return { db: typeof spec.db === "string" ? spec.db : dbName, coll: spec.coll };
  }
  throw new CommandError(16990, `${stage} target must be a collection name or {db, coll}`);
}
