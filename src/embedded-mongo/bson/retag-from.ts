import { numberTagsOf, tagNumber } from "./numeric-tags";

/**
 * Copies numeric tags from a source document onto a derived one (a projection of it) wherever
 * the derived value is still the source's value, so Int64 and whole doubles survive projection.
 */
export function retagFrom(src: unknown, out: unknown): void {
  if (src === out || src === null || out === null || typeof src !== "object" || typeof out !== "object")
    return;
  const s = src as Record<string, unknown>;
  const o = out as Record<string, unknown>;
  const tags = numberTagsOf(s);
  for (const key of Object.keys(o)) {
    const sv = s[key];
    const ov = o[key];
    if (typeof ov === "number") {
      const tag = tags?.[key];
      if (tag && sv === ov) tagNumber(o, key, tag);
    } else if (ov !== null && typeof ov === "object" && sv !== null && typeof sv === "object" && ov !== sv) {
      retagFrom(sv, ov);
    }
  }
}
