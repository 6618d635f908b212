import { tagNumber } from "./numeric-tags";

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Converts, in place, a document deserialized with `promoteValues: false` into the engine's
 * internal form: Int32/Double/Int64 become JS numbers (tagged when the number alone would come
 * back as another BSON type); every other BSON value is kept as is.
 */
export function toInternal<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = convertSlot(value, String(i), value[i]);
    return value;
  }
  if (isPlainContainer(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) obj[key] = convertSlot(obj, key, obj[key]);
  }
  return value;
}

function isPlainContainer(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function convertSlot(container: object, key: string, v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  const bsonType = (v as { _bsontype?: string })._bsontype;
  switch (bsonType) {
    case "Int32":
      return (v as { value: number }).value;
    case "Double": {
      const n = (v as { value: number }).value;
      if (Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX) tagNumber(container, key, "double");
      else if (Object.is(n, -0)) tagNumber(container, key, "double");
      return n;
    }
    case "Long": {
      const long = v as { toNumber(): number; toBigInt(): bigint };
      const n = long.toNumber();
      // Beyond 2^53 a number would lose digits: keep the Long itself.
      if (!Number.isSafeInteger(n)) return v;
      tagNumber(container, key, "long");
      return n;
    }
    case undefined:
      return toInternal(v);
    default:
      return v;
  }
}
