import { Double, Long } from "bson";
import { numberTagOf } from "./numeric-tags";

/**
 * A stored value with its BSON numeric type restored: the engine keeps Int64 and whole-valued
 * doubles as plain numbers tagged on their container, so a type check ($jsonSchema `bsonType:
 * "long"`) must see the Long or Double the client sent.
 */
export function typedValue(container: object, key: string | number): unknown {
  const value = (container as Record<string, unknown>)[key];
  if (typeof value !== "number") return value;
  const tag = numberTagOf(container, String(key));
  if (tag === "long" && Number.isInteger(value)) return Long.fromNumber(value);
  if (tag === "double" || tag === "long") return new Double(value);
  return value;
}
