import type { Collection } from "../storage/collection";
import type { Collation } from "./collation";
import { parseCollation } from "./parse-collation";

/**
 * The collation a command runs with: the one it names (`{locale: "simple"}` included), else the
 * collection's default collation, else simple (undefined).
 */
export function resolveCollation(raw: unknown, coll: Collection | undefined): Collation | undefined {
  if (raw !== undefined && raw !== null) return parseCollation(raw) ?? undefined;
  return coll?.collation;
}
