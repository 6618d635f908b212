import { typeRank } from "../bson/type-rank";

/**
 * A string that is equal for two values exactly when MongoDB groups them together: numbers by
 * value whatever their type, documents by field order and values, arrays element-wise.
 */
export function groupKey(v: unknown): string {
  if (v === null || v === undefined) return "n";
  switch (typeof v) {
    case "number":
      return Object.is(v, -0) ? "d0" : `d${v}`;
    case "string":
      return `s${v.length}:${v}`;
    case "boolean":
      return v ? "b1" : "b0";
    case "object":
      break;
    default:
      return `x${String(v)}`;
  }
  if (v instanceof Date) return `t${v.getTime()}`;
  if (Array.isArray(v)) return `[${v.map(groupKey).join(",")}]`;
  const bsonType = (v as { _bsontype?: string })._bsontype;
  if (bsonType === "ObjectId") return `o${(v as { toHexString(): string }).toHexString()}`;
  if (bsonType === "Long") return `d${String(v)}`;
  if (bsonType !== undefined || v instanceof RegExp || v instanceof Uint8Array) {
    return `x${typeRank(v)}:${String(v)}`;
  }
  const obj = v as Record<string, unknown>;
  let out = "{";
  for (const k of Object.keys(obj)) {
    if (obj[k] === undefined) continue;
    out += `${k.length}:${k}=${groupKey(obj[k])},`;
  }
  return `${out}}`;
}
