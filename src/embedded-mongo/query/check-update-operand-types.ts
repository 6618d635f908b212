import { CommandError } from "../errors/command-error";
import type { Doc } from "../storage/doc";

const NUMERIC_BSON = new Set(["Int32", "Double", "Long", "Decimal128"]);

function isNumeric(v: unknown): boolean {
  if (typeof v === "number" || typeof v === "bigint") return true;
  const t = (v as { _bsontype?: string } | null)?._bsontype;
  return typeof t === "string" && NUMERIC_BSON.has(t);
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  const t = (v as { _bsontype?: string })._bsontype;
  if (t === "ObjectId") return "objectId";
  if (t) return t.charAt(0).toLowerCase() + t.slice(1);
  return "object";
}

/** The current value at a plain dotted path (undefined when absent or when arrays/positionals are involved). */
function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (part.startsWith("$")) return undefined;
    if (cur === null || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) return undefined;
      cur = cur[Number(part)];
    } else cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function idText(doc: Doc): string {
  const id = doc._id;
  return `{_id: ${typeof id === "string" ? JSON.stringify(id) : String(id)}}`;
}

/**
 * mongod's type errors of update operators that mingo would silently skip: $inc/$mul of a
 * non-numeric field or with a non-numeric argument (14 TypeMismatch), $push/$addToSet to a
 * non-array (2 BadValue), $pull/$pullAll from a non-array (2 BadValue).
 */
export function checkUpdateOperandTypes(doc: Doc, modifier: Record<string, unknown>): void {
  for (const [op, args] of Object.entries(modifier)) {
    if (args === null || typeof args !== "object") continue;
    for (const [path, arg] of Object.entries(args as Record<string, unknown>)) {
      if (op === "$inc" || op === "$mul") {
        if (!isNumeric(arg)) {
          const verb = op === "$inc" ? "increment" : "multiply";
          throw new CommandError(
            14,
            `Cannot ${verb} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`,
          );
        }
        const current = valueAt(doc, path);
        if (current !== undefined && !isNumeric(current)) {
          const field = path.split(".").pop() as string;
          throw new CommandError(
            14,
            `Cannot apply ${op} to a value of non-numeric type. ${idText(doc)} has the field '${field}' of non-numeric type ${typeName(current)}`,
          );
        }
      } else if (op === "$push" || op === "$addToSet") {
        const current = valueAt(doc, path);
        if (current !== undefined && !Array.isArray(current)) {
          throw new CommandError(
            2,
            `The field '${path}' must be an array but is of type ${typeName(current)} in document ${idText(doc)}`,
          );
        }
      } else if (op === "$pull" || op === "$pullAll") {
        const current = valueAt(doc, path);
        if (current !== undefined && !Array.isArray(current)) {
          throw new CommandError(2, `Cannot apply ${op} to a non-array value`);
        }
      }
    }
  }
}
