import { resolveCollation } from "../collation/resolve-collation";
import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";
import type { QueryScope } from "../query/query-scope";
import type { Collection } from "../storage/collection";

/**
 * The scope of a command or statement: its `let` document (variables named as mongod allows:
 * a lowercase letter or non-ASCII first) and its collation, else the collection's default.
 */
export function scopeArg(letArg: unknown, collationArg: unknown, coll: Collection | undefined): QueryScope {
  const scope: QueryScope = {};
  if (letArg !== undefined) {
    if (!isPlainObject(letArg)) {
      throw new CommandError(14, "BSON field 'let' is the wrong type, expected type 'object'");
    }
    for (const name of Object.keys(letArg)) assertUserVariableName(name);
    scope.variables = letArg;
  }
  const collation = resolveCollation(collationArg, coll);
  if (collation) scope.collation = collation;
  return scope;
}

/** mongod's Variables::validateNameForUserWrite: codes 16866, 16867 and 16868. */
function assertUserVariableName(name: string): void {
  if (name === "") throw new CommandError(16866, "empty variable names are not allowed");
  if (!/^[a-z\u0080-\uffff]/.test(name)) {
    throw new CommandError(16867, `'${name}' starts with an invalid character for a user variable name`);
  }
  const bad = /[^A-Za-z0-9_\u0080-\uffff]/.exec(name);
  if (bad) {
    throw new CommandError(16868, `'${name}' contains an invalid character for a variable name: '${bad[0]}'`);
  }
}
