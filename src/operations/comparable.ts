import { EJSON } from "bson";

/**
 * A string that is equal for two values exactly when they mean the same to MongoDB as
 * options: object keys are sorted (a filter's or a weights document's field order does
 * not matter), numbers are compared by value (Int32 1 and Double 1.0 are the same index
 * direction), every other BSON type keeps its type.
 */
export function comparable(value: unknown): string {
  return JSON.stringify(sortKeys(EJSON.serialize(value, { relaxed: true })));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}
