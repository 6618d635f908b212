import { BSON_TYPE_ALIASES } from "../bson/bson-type-aliases";
import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";

const ARRAY_OPERATORS = new Set(["$in", "$nin", "$all"]);
const LOGICAL = new Set(["$and", "$or", "$nor"]);

/**
 * Checks operator arguments mongod rejects at parse time (code 2 BadValue), which mingo would
 * otherwise hit as JavaScript errors ("Cannot read properties of null ..."): $in/$nin/$all need an
 * array, $and/$or/$nor a non-empty array of objects, $size a number, $elemMatch an object,
 * $regex a string or regex, $mod an array of two numbers, $not a regex or an object.
 */
export function validateFilterOperators(filter: unknown): void {
  if (!isPlainObject(filter)) throw new CommandError(2, "query filter must be an object");
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL.has(key)) {
      if (!Array.isArray(value) || value.length === 0) {
        throw new CommandError(2, `${key} must be a nonempty array`);
      }
      for (const part of value) {
        if (!isPlainObject(part)) throw new CommandError(2, "$and/$or/$nor entries need to be full objects");
        validateFilterOperators(part);
      }
      continue;
    }
    if (key === "$expr" || key === "$where" || key === "$comment" || key === "$text") continue;
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith("$"))) validateCondition(value);
  }
}

function validateCondition(cond: Record<string, unknown>): void {
  for (const [op, arg] of Object.entries(cond)) {
    if (ARRAY_OPERATORS.has(op)) {
      if (!Array.isArray(arg)) throw new CommandError(2, `${op} needs an array`);
      if (
        op !== "$all" &&
        arg.some((v) => isPlainObject(v) && Object.keys(v).some((k) => k.startsWith("$")))
      ) {
        throw new CommandError(2, `cannot nest $ under ${op}`);
      }
      continue;
    }
    switch (op) {
      case "$size":
        if (typeof arg !== "number" && !isNumberObject(arg)) {
          throw new CommandError(2, "$size needs a number");
        }
        break;
      case "$elemMatch":
        if (!isPlainObject(arg)) throw new CommandError(2, "$elemMatch needs an Object");
        if (Object.keys(arg).some((k) => LOGICAL.has(k) || !k.startsWith("$"))) validateFilterOperators(arg);
        else validateCondition(arg);
        break;
      case "$regex":
        if (typeof arg !== "string" && !(arg instanceof RegExp) && !isBsonRegex(arg)) {
          throw new CommandError(2, "$regex has to be a string");
        }
        break;
      case "$options":
        if (typeof arg !== "string") throw new CommandError(2, "$options has to be a string");
        break;
      case "$mod":
        if (!Array.isArray(arg)) throw new CommandError(2, "malformed mod, needs to be an array");
        if (arg.length < 2) throw new CommandError(2, "malformed mod, not enough elements");
        if (arg.length > 2) throw new CommandError(2, "malformed mod, too many elements");
        if (Number(arg[0]) === 0) throw new CommandError(2, "divisor cannot be 0");
        break;
      case "$type":
        for (const t of Array.isArray(arg) ? arg : [arg]) {
          if (typeof t === "string" && !BSON_TYPE_ALIASES.has(t)) {
            throw new CommandError(2, `Unknown type name alias: ${t}`);
          }
        }
        break;
      case "$not":
        if (isPlainObject(arg)) {
          if (Object.keys(arg).length === 0) throw new CommandError(2, "$not cannot be empty");
          validateCondition(arg);
        } else if (!(arg instanceof RegExp) && !isBsonRegex(arg)) {
          throw new CommandError(2, "$not needs a regex or a document");
        }
        break;
      default:
        break;
    }
  }
}

function isNumberObject(v: unknown): boolean {
  const t = (v as { _bsontype?: string } | null)?._bsontype;
  return t === "Int32" || t === "Double" || t === "Long" || t === "Decimal128";
}

function isBsonRegex(v: unknown): boolean {
  return (v as { _bsontype?: string } | null)?._bsontype === "BSONRegExp";
}
