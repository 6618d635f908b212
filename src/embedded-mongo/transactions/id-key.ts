import { EJSON } from "bson";

/** A string that identifies an _id value (equal _ids give equal keys). */
export function idKey(id: unknown): string {
  if (typeof id === "string") return `s:${id}`;
  if (typeof id === "number") return `n:${id}`;
  if (id !== null && typeof id === "object") {
    const t = (id as { _bsontype?: string })._bsontype;
    if (t === "ObjectId") return `o:${(id as { toHexString(): string }).toHexString()}`;
    if (t === "Long" || t === "Int32" || t === "Double") return `n:${Number(id.valueOf())}`;
  }
  return `e:${EJSON.stringify(id as never, { relaxed: false })}`;
}
