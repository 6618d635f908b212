import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";
import type { Index } from "../storage/collection-index";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";
import { assertValidationOptions } from "../storage/validation-check";

const COLLECTION_OPTIONS = ["validator", "validationLevel", "validationAction"];

/** collMod: validator settings, and an index's expireAfterSeconds or hidden flag. */
export function collModCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  if (!coll) throw new CommandError(26, `ns does not exist: ${ctx.dbName}.${name}`);
  const reply: Record<string, unknown> = {};
  assertValidationOptions(ctx.cmd);
  for (const option of COLLECTION_OPTIONS) {
    if (ctx.cmd[option] !== undefined) coll.options[option] = ctx.cmd[option];
  }
  const change = ctx.cmd.index;
  if (change !== undefined) {
    if (!isPlainObject(change)) throw new CommandError(14, "collMod 'index' must be an object");
    const index = findIndex([...coll.indexes.values()], change);
    if (change.expireAfterSeconds !== undefined) {
      if (typeof change.expireAfterSeconds !== "number" || change.expireAfterSeconds < 0) {
        throw new CommandError(2, "expireAfterSeconds must be a non-negative number");
      }
      reply.expireAfterSeconds_old = index.spec.expireAfterSeconds;
      index.spec.expireAfterSeconds = Math.trunc(change.expireAfterSeconds);
      reply.expireAfterSeconds_new = index.spec.expireAfterSeconds;
    }
    if (change.hidden !== undefined) {
      if (index.name === "_id_") throw new CommandError(72, "can't hide _id index");
      reply.hidden_old = index.spec.hidden === true;
      if (change.hidden) index.spec.hidden = true;
      else delete index.spec.hidden;
      reply.hidden_new = change.hidden === true;
    }
  }
  reply.ok = 1;
  return reply;
}

function findIndex(indexes: Index[], change: Record<string, unknown>): Index {
  const byName = typeof change.name === "string" ? indexes.find((i) => i.name === change.name) : undefined;
  if (byName) return byName;
  const key = change.keyPattern;
  if (isPlainObject(key)) {
    const found = indexes.find((i) => {
      const a = Object.keys(i.spec.key);
      const b = Object.keys(key);
      return (
        a.length === b.length && a.every((k, n) => k === b[n] && compareValues(i.spec.key[k], key[k]) === 0)
      );
    });
    if (found) return found;
  }
  throw new CommandError(27, "cannot find index for collMod");
}
