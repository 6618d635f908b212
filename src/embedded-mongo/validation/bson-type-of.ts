/** BSON type names as mongod spells them ($type aliases, `consideredType` in validation errors). */
export type BsonTypeName =
  | "double"
  | "string"
  | "object"
  | "array"
  | "binData"
  | "undefined"
  | "objectId"
  | "bool"
  | "date"
  | "null"
  | "regex"
  | "dbPointer"
  | "javascript"
  | "symbol"
  | "javascriptWithScope"
  | "int"
  | "timestamp"
  | "long"
  | "decimal"
  | "minKey"
  | "maxKey";

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The BSON type of a deserialized value. Wrapper classes are recognised by `_bsontype` (not
 * instanceof, so a second copy of the bson package still works). A plain JS number is "int" when
 * it is an integer in int32 range (the bson serializer writes it so) and "double" otherwise.
 */
export function bsonTypeOf(value: unknown): BsonTypeName {
  if (value === null) return "null";
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(value) && !Object.is(value, -0) && value >= INT32_MIN && value <= INT32_MAX
        ? "int"
        : "double";
    case "bigint":
      return "long";
    case "symbol":
      return "symbol";
    case "function":
      return "javascript";
  }
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "date";
  if (value instanceof RegExp) return "regex";
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "binData";
  switch ((value as { _bsontype?: unknown })._bsontype) {
    case "ObjectId":
    case "ObjectID":
      return "objectId";
    case "Int32":
      return "int";
    case "Long":
      return "long";
    case "Double":
      return "double";
    case "Decimal128":
      return "decimal";
    case "Binary":
      return "binData";
    case "Timestamp":
      return "timestamp";
    case "BSONRegExp":
      return "regex";
    case "BSONSymbol":
    case "Symbol":
      return "symbol";
    case "Code":
      return (value as { scope?: unknown }).scope ? "javascriptWithScope" : "javascript";
    case "MinKey":
      return "minKey";
    case "MaxKey":
      return "maxKey";
    case "DBPointer":
      return "dbPointer";
    default:
      return "object";
  }
}
