import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";
import type { Collection } from "../storage/collection";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";

/** dropIndexes: by name, key pattern, list of names, or "*" (all but _id_). */
export function dropIndexesCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  if (!coll) throw new CommandError(26, `ns not found ${ctx.dbName}.${name}`);
  const nIndexesWas = coll.indexes.size;
  const target = ctx.cmd.index;
  const names: string[] = [];
  if (target === "*") {
    for (const n of coll.indexes.keys()) if (n !== "_id_") names.push(n);
  } else if (typeof target === "string") names.push(target);
  else if (Array.isArray(target)) names.push(...target.map(String));
  else if (isPlainObject(target)) names.push(byKey(coll, target));
  else throw new CommandError(14, "BSON field 'dropIndexes.index' must be a string, an object or an array");
  for (const n of names) {
    if (n === "_id_") throw new CommandError(72, "cannot drop _id index");
    if (!coll.indexes.has(n)) throw new CommandError(27, `index not found with name [${n}]`);
  }
  for (const n of names) coll.dropIndex(n);
  return { nIndexesWas, ok: 1 };
}

function byKey(coll: Collection, key: Record<string, unknown>): string {
  for (const index of coll.indexes.values()) {
    const a = Object.keys(index.spec.key);
    const b = Object.keys(key);
    if (
      a.length === b.length &&
      a.every((k, i) => k === b[i] && compareValues(index.spec.key[k], key[k]) === 0)
    ) {
      return index.name;
    }
  }
  throw new CommandError(27, `can't find index with key: ${JSON.stringify(key)}`);
}
