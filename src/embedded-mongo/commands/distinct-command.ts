import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import { valuesAtPath } from "../storage/values-at-path";
import { collectionArg, docArg } from "./args";
import type { CommandContext } from "./command-context";
import { findMatching } from "./find-matching";
import { scopeArg } from "./scope-arg";

/** distinct: values of a field over matching documents, arrays unwound, sorted in BSON order. */
export function distinctCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const key = ctx.cmd.key;
  if (typeof key !== "string")
    throw new CommandError(14, "BSON field 'distinct.key' is missing or not a string");
  const coll = ctx.engine.db(ctx.dbName).get(name);
  const scope = scopeArg(undefined, ctx.cmd.collation, coll);
  const query = docArg(ctx.cmd.query, "query");
  const found = findMatching(ctx, coll, query, scope);
  const values: unknown[] = [];
  for (let r = found.rows.next(); !r.done; r = found.rows.next()) {
    const { values: vs } = valuesAtPath(r.value[1], key);
    for (const v of vs) if (v !== null && v !== undefined) values.push(v);
    // A document where the path is null (explicitly) contributes null.
    if (vs.length === 1 && vs[0] === null && hasExplicitNull(r.value[1], key)) values.push(null);
  }
  // Under a collation, values it deems equal are one value (the first met in that order).
  const strings = scope.collation?.compare;
  values.sort((a, b) => compareValues(a, b, strings));
  const unique: unknown[] = [];
  for (const v of values)
    if (unique.length === 0 || compareValues(unique[unique.length - 1], v, strings) !== 0) unique.push(v);
  return { values: unique, ok: 1 };
}

function hasExplicitNull(doc: Record<string, unknown>, path: string): boolean {
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object" || !(part in (cur as object))) return false;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === null;
}
