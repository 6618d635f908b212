import { CommandError } from "../errors/command-error";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";

/** validate: the in-memory structures are always consistent, so a healthy collection's answer. */
export function validateCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  const ns = `${ctx.dbName}.${name}`;
  if (!coll) throw new CommandError(26, `Collection '${ns}' does not exist to validate.`);
  const keysPerIndex: Record<string, number> = {};
  const indexDetails: Record<string, unknown> = {};
  for (const index of coll.indexes.values()) {
    const keys = index.text ? index.text.size : index.kind === "btree" ? index.entries.size : coll.size;
    keysPerIndex[index.name] = keys;
    indexDetails[index.name] = { valid: true };
  }
  return {
    ns,
    uuid: coll.uuid,
    nInvalidDocuments: 0,
    nNonCompliantDocuments: 0,
    nrecords: coll.size,
    nIndexes: coll.indexes.size,
    keysPerIndex,
    indexDetails,
    valid: true,
    repaired: false,
    warnings: [],
    errors: [],
    extraIndexEntries: [],
    missingIndexEntries: [],
    corruptRecords: [],
    ok: 1,
  };
}
