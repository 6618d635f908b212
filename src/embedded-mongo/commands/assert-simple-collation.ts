import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";

/**
 * Comparisons here are binary (MongoDB's "simple" collation); a locale-aware collation would
 * silently give other answers, so it is refused until it is implemented.
 */
export function assertSimpleCollation(collation: unknown): void {
  if (collation === undefined || collation === null) return;
  if (isPlainObject(collation) && (collation.locale === "simple" || Object.keys(collation).length === 0))
    return;
  throw new CommandError(238, "the embedded engine supports only the simple (binary) collation for now");
}
