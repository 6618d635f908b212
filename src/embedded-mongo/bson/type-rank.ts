import { RankEdge } from "./rank-edge";

// MongoDB's cross-type sort order. Plain constants (not an enum) keep the hot comparison path
// free of property lookups.
export const RANK_MINKEY = 0;
export const RANK_NULL = 1;
export const RANK_NUMBER = 2;
export const RANK_STRING = 3;
export const RANK_OBJECT = 4;
export const RANK_ARRAY = 5;
export const RANK_BINDATA = 6;
export const RANK_OBJECTID = 7;
export const RANK_BOOLEAN = 8;
export const RANK_DATE = 9;
export const RANK_TIMESTAMP = 10;
export const RANK_REGEX = 11;
export const RANK_CODE = 12;
export const RANK_MAXKEY = 13;

/** MinKey < null < numbers < strings < objects < arrays < binData < ObjectId < bool < Date < Timestamp < regex < MaxKey. */
export function typeRank(v: unknown): number {
  if (v === null || v === undefined) return RANK_NULL;
  switch (typeof v) {
    case "number":
    case "bigint":
      return RANK_NUMBER;
    case "string":
      return RANK_STRING;
    case "boolean":
      return RANK_BOOLEAN;
    case "object":
      break;
    default:
      return RANK_CODE;
  }
  const bsonType = (v as { _bsontype?: string })._bsontype;
  if (bsonType === undefined) {
    if (Array.isArray(v)) return RANK_ARRAY;
    if (v instanceof Date) return RANK_DATE;
    if (v instanceof RegExp) return RANK_REGEX;
    if (v instanceof RankEdge) return v.rank - 0.5;
    if (v instanceof Uint8Array) return RANK_BINDATA;
    return RANK_OBJECT;
  }
  switch (bsonType) {
    case "ObjectId":
      return RANK_OBJECTID;
    case "Long":
    case "Int32":
    case "Double":
    case "Decimal128":
      return RANK_NUMBER;
    case "BSONSymbol":
      return RANK_STRING;
    case "Binary":
      return RANK_BINDATA;
    case "Timestamp":
      return RANK_TIMESTAMP;
    case "BSONRegExp":
      return RANK_REGEX;
    case "MinKey":
      return RANK_MINKEY;
    case "MaxKey":
      return RANK_MAXKEY;
    case "Code":
      return RANK_CODE;
    default:
      return RANK_OBJECT;
  }
}
