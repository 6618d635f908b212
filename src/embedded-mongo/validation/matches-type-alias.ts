import { bsonTypeOf } from "./bson-type-of";
import { numericValue } from "./numeric-value";

/**
 * Whether a value has the type a `bsonType`/`type` alias names ("number" = any numeric type).
 * A plain JS number may have been an integral double before deserialization promoted it, so it
 * also satisfies "double"; an integer in int32 range satisfies "int".
 */
export function matchesTypeAlias(value: unknown, alias: string): boolean {
  if (alias === "number") return numericValue(value) !== undefined;
  if (alias === "double" && typeof value === "number") return true;
  return bsonTypeOf(value) === alias;
}
