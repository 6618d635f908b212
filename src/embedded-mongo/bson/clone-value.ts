import { numberTagsOf, tagNumber } from "./numeric-tags";

/** Deep copy of plain objects and arrays (BSON values are immutable and shared), numeric tags included. */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = value.map((v) => cloneValue(v));
    copyTags(value, out);
    return out as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    if (value instanceof Date) return new Date(value.getTime()) as T;
    return value;
  }
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(src)) out[key] = cloneValue(src[key]);
  copyTags(src, out);
  return out as T;
}

function copyTags(from: object, to: object): void {
  const tags = numberTagsOf(from);
  if (!tags) return;
  for (const key of Object.keys(tags)) tagNumber(to, key, tags[key]);
}
