import { CommandError } from "../errors/command-error";
import type { Index } from "./collection-index";

/** mongod's E11000 error, carrying keyPattern and keyValue. */
export function duplicateKeyError(ns: string, index: Index, key: unknown): CommandError {
  const keyValue = index.keyValueOf(key);
  const shown = Object.entries(keyValue)
    .map(([k, v]) => `${k}: ${formatValue(v)}`)
    .join(", ");
  return new CommandError(
    11000,
    `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: { ${shown} }`,
    {
      keyPattern: index.spec.key,
      keyValue,
    },
  );
}

function formatValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (v !== null && typeof v === "object" && (v as { _bsontype?: string })._bsontype === "ObjectId") {
    return `ObjectId('${String(v)}')`;
  }
  if (v === undefined) return "null";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
