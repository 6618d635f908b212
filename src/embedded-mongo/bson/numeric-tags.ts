import { Double, Long } from "bson";

/** Numeric BSON types that a plain JS number cannot express on the way out. */
export type NumericTag = "long" | "double";

type TagMap = Record<string, NumericTag>;

const TAGS = Symbol("numericTags");

interface Tagged {
  [TAGS]?: TagMap;
}

// Documents are stored with plain JS numbers so mingo can compare them; the few values whose
// BSON type a number cannot carry (Int64, whole-valued doubles) are remembered here, on the
// container, and restored by bson's serializer through a non-enumerable toBSON hook.
function restoreNumbers(this: Record<string, unknown> & Tagged): unknown {
  const tags = this[TAGS];
  if (!tags) return this;
  const copy: Record<string, unknown> = Array.isArray(this)
    ? (this.slice() as unknown as Record<string, unknown>)
    : { ...this };
  for (const key of Object.keys(tags)) {
    const value = copy[key];
    if (typeof value !== "number") continue;
    if (tags[key] === "long") {
      if (Number.isInteger(value)) copy[key] = Long.fromNumber(value);
      else copy[key] = new Double(value);
    } else copy[key] = new Double(value);
  }
  return copy;
}

export function tagNumber(container: object, key: string, tag: NumericTag): void {
  const tagged = container as Tagged;
  let tags = tagged[TAGS];
  if (!tags) {
    tags = {};
    Object.defineProperty(container, TAGS, { value: tags, enumerable: false, writable: true });
    Object.defineProperty(container, "toBSON", { value: restoreNumbers, enumerable: false, writable: true });
  }
  tags[key] = tag;
}

export function untagNumber(container: object, key: string): void {
  const tags = (container as Tagged)[TAGS];
  if (tags) delete tags[key];
}

export function numberTagOf(container: object, key: string): NumericTag | undefined {
  return (container as Tagged)[TAGS]?.[key];
}

export function numberTagsOf(container: object): Readonly<TagMap> | undefined {
  return (container as Tagged)[TAGS];
}
