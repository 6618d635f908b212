import { EJSON } from "bson";
import { bsonTypeOf } from "./bson-type-of";
import { numericValue } from "./numeric-value";

/**
 * BSON equality as `enum` and `uniqueItems` use it: numbers equal across numeric types, objects
 * equal whatever their field order (mongod's UnorderedFieldsBSONElementComparator), arrays in order.
 */
export function bsonValuesEqual(a: unknown, b: unknown): boolean {
  const numberA = numericValue(a);
  const numberB = numericValue(b);
  if (numberA !== undefined || numberB !== undefined) return numberA === numberB;

  const type = bsonTypeOf(a);
  if (type !== bsonTypeOf(b)) return false;
  switch (type) {
    case "null":
    case "undefined":
    case "minKey":
    case "maxKey":
      return true;
    case "string":
    case "bool":
      return a === b;
    case "date":
      return (a as Date).getTime() === (b as Date).getTime();
    case "array": {
      const left = a as unknown[];
      const right = b as unknown[];
      return left.length === right.length && left.every((item, index) => bsonValuesEqual(item, right[index]));
    }
    case "object": {
      const left = a as Record<string, unknown>;
      const right = b as Record<string, unknown>;
      const keys = Object.keys(left);
      return (
        keys.length === Object.keys(right).length &&
        keys.every((key) => Object.hasOwn(right, key) && bsonValuesEqual(left[key], right[key]))
      );
    }
    default:
      // ObjectId, Binary, Timestamp, regexes...: their canonical Extended JSON is their identity.
      return (
        EJSON.stringify(a as never, { relaxed: false }) === EJSON.stringify(b as never, { relaxed: false })
      );
  }
}
