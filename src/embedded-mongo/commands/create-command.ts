import { parseCollation } from "../collation/parse-collation";
import { CommandError } from "../errors/command-error";
import { validateCollectionName } from "../storage/validate-collection-name";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";
import { assertValidationOptions } from "../storage/validation-check";

const IGNORED = new Set([
  "create",
  "lsid",
  "txnNumber",
  "writeConcern",
  "comment",
  "apiVersion",
  "apiStrict",
  "apiDeprecationErrors",
]);

/** create: stores the options (validator, capped, ...) for later use; views are not supported yet. */
export function createCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  validateCollectionName(name);
  const db = ctx.engine.db(ctx.dbName);
  if (db.get(name)) throw new CommandError(48, `Collection ${ctx.dbName}.${name} already exists.`);
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ctx.cmd)) if (!IGNORED.has(k) && !k.startsWith("$")) options[k] = v;
  if (options.viewOn !== undefined) {
    throw new CommandError(238, "views are not supported by the embedded engine yet");
  }
  assertValidationOptions(options);
  // Stored filled in, as listCollections reports it; {locale: "simple"} is no collation at all.
  if (options.collation !== undefined) {
    const collation = parseCollation(options.collation);
    if (collation) options.collation = { ...collation.spec };
    else delete options.collation;
  }
  db.getOrCreate(name, options);
  return { ok: 1 };
}
