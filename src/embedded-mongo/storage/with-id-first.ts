import { ObjectId } from "bson";
import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";
import { numberTagsOf, tagNumber } from "../bson/numeric-tags";
import type { Doc } from "./doc";

/** A document ready to store: `_id` present (generated if missing), first, and valid. */
export function withIdFirst(doc: Doc): Doc {
  const keys = Object.keys(doc);
  if (keys[0] === "_id") {
    validateId(doc._id);
    return doc;
  }
  const id = "_id" in doc ? doc._id : new ObjectId();
  validateId(id);
  const out: Doc = { _id: id };
  for (const key of keys) if (key !== "_id") out[key] = doc[key];
  const tags = numberTagsOf(doc);
  if (tags) for (const key of Object.keys(tags)) tagNumber(out, key, tags[key]);
  return out;
}

function validateId(id: unknown): void {
  if (Array.isArray(id)) throw new CommandError(2, "can't use an array for _id");
  if (id instanceof RegExp) throw new CommandError(2, "can't use a regex for _id");
  if (id === undefined) throw new CommandError(2, "_id cannot be undefined");
  const dollar = dollarPrefixedField(id);
  if (dollar !== null) {
    throw new CommandError(
      52,
      `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`,
    );
  }
}

/** The first `$`-prefixed field name inside an embedded _id (mongod 5.0+ allows them elsewhere). */
function dollarPrefixedField(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = dollarPrefixedField(v);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isPlainObject(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith("$")) return key;
    const found = dollarPrefixedField(v);
    if (found !== null) return found;
  }
  return null;
}
