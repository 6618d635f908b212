import type { Document, IndexDescription } from "mongodb";
import { comparable } from "./comparable";

/**
 * One index reduced to what decides its behaviour, in the shape `listIndexes` reports, so
 * that the data model's definition (src/db/data-model-indexes.ts) and an index found on
 * the server can be compared option by option.
 */
export interface IndexDefinition {
  name: string;
  /** Key pattern as mongod stores it: a text index's fields become `_fts: "text", _ftsx: 1`. */
  key: Document;
  /** Options that change behaviour, with mongod's defaults left out. */
  options: Document;
}

/** Options an index may carry; everything else `listIndexes` shows (v, ns, textIndexVersion …) is ignored. */
const COMPARED_OPTIONS = [
  "unique",
  "sparse",
  "hidden",
  "expireAfterSeconds",
  "partialFilterExpression",
  "collation",
  "wildcardProjection",
  "weights",
  "default_language",
  "language_override",
  "2dsphereIndexVersion",
  "bits",
  "min",
  "max",
] as const;

/** Defaults mongod applies; an option equal to its default is the same as an absent one. */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  unique: false,
  sparse: false,
  hidden: false,
};
const TEXT_DEFAULTS: Readonly<Record<string, unknown>> = {
  default_language: "english",
  language_override: "language",
};

/** The data model's description of an index, as the server will report it. */
export function fromDescription(description: IndexDescription): IndexDefinition {
  const key: Document = {};
  const weights: Record<string, unknown> = {};
  let textSeen = false;
  for (const [field, direction] of Object.entries(description.key as Document)) {
    if (direction === "text") {
      weights[field] = 1;
      if (!textSeen) {
        key._fts = "text";
        key._ftsx = 1;
        textSeen = true;
      }
    } else {
      key[field] = direction;
    }
  }
  const raw: Document = { ...description };
  if (textSeen) raw.weights = { ...weights, ...((description.weights as Document | undefined) ?? {}) };
  return {
    name: description.name ?? defaultName(description.key as Document),
    key,
    options: optionsOf(raw, textSeen),
  };
}

/** An entry of `listIndexes`. */
export function fromListed(info: Document): IndexDefinition {
  const key = info.key as Document;
  return { name: String(info.name), key: { ...key }, options: optionsOf(info, "_fts" in key) };
}

function optionsOf(raw: Document, isText: boolean): Document {
  const options: Document = {};
  for (const name of COMPARED_OPTIONS) {
    const value = raw[name];
    if (value === undefined) continue;
    if (name in DEFAULTS && comparable(value) === comparable(DEFAULTS[name])) continue;
    options[name] = value;
  }
  if (isText) {
    for (const [name, value] of Object.entries(TEXT_DEFAULTS)) options[name] ??= value;
  }
  return options;
}

/** Same key pattern, in order; directions compared by value (1 and 1.0 are the same). */
export function sameKey(a: IndexDefinition, b: IndexDefinition): boolean {
  const ea = Object.entries(a.key);
  const eb = Object.entries(b.key);
  return (
    ea.length === eb.length &&
    ea.every(([f, v], i) => eb[i]![0] === f && comparable(v) === comparable(eb[i]![1]))
  );
}

/**
 * MongoDB lets two indexes share a key pattern only when they differ in partial filter or
 * collation; those options are part of an index's identity.
 */
export function sameIdentity(a: IndexDefinition, b: IndexDefinition): boolean {
  return (
    sameKey(a, b) &&
    comparable(a.options.partialFilterExpression ?? null) ===
      comparable(b.options.partialFilterExpression ?? null) &&
    comparable(a.options.collation ?? null) === comparable(b.options.collation ?? null)
  );
}

/** The differences between two definitions, one phrase each; empty when they are the same. */
export function differences(expected: IndexDefinition, found: IndexDefinition): string[] {
  const out: string[] = [];
  if (expected.name !== found.name) out.push(`name: expected ${expected.name}, found ${found.name}`);
  if (!sameKey(expected, found)) out.push(`key: expected ${show(expected.key)}, found ${show(found.key)}`);
  const names = new Set([...Object.keys(expected.options), ...Object.keys(found.options)]);
  for (const name of [...names].sort()) {
    const e = expected.options[name];
    const f = found.options[name];
    if (comparable(e ?? null) !== comparable(f ?? null)) {
      out.push(
        `${name}: expected ${e === undefined ? "(none)" : show(e)}, found ${f === undefined ? "(none)" : show(f)}`,
      );
    }
  }
  return out;
}

export function show(value: unknown): string {
  return comparable(value);
}

/** mongod's default index name: field_direction joined by "_". */
export function defaultName(key: Document): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join("_");
}
