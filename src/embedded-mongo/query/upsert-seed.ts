import { cloneValue } from "../bson/clone-value";
import type { Doc } from "../storage/doc";
import { isPlainObject } from "../bson/is-plain-object";
import { setAtPath } from "./set-at-path";

/**
 * The document an upsert starts from: the equality conditions of its filter (including $eq,
 * single-value $in and $and parts), as mongod builds it before applying the update.
 */
export function upsertSeed(filter: Record<string, unknown>): Doc {
  const out: Doc = {};
  collect(filter, out);
  return out;
}

function collect(filter: Record<string, unknown>, out: Doc): void {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === "$and" && Array.isArray(cond)) {
      for (const part of cond) if (isPlainObject(part)) collect(part, out);
      continue;
    }
    if (key.startsWith("$")) continue;
    if (isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith("$"))) {
      if ("$eq" in cond) setAtPath(out, key, cloneValue(cond.$eq));
      else if (Array.isArray(cond.$in) && cond.$in.length === 1) setAtPath(out, key, cloneValue(cond.$in[0]));
      continue;
    }
    if (cond instanceof RegExp) continue;
    setAtPath(out, key, cloneValue(cond));
  }
}
