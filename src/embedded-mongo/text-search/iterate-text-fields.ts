import { EngineTextError } from "./engine-text-error";
import { resolveTextLanguage, type TextLanguage } from "./resolve-text-language";
import type { TextIndexSpec } from "./text-index-spec";

/** One string a text index reads from a document, with the language and weight it is read with. */
export interface TextFieldValue {
  readonly text: string;
  readonly language: TextLanguage;
  readonly weight: number;
}

type Container = Readonly<Record<string, unknown>> | readonly unknown[];

/** Plain sub-documents only: BSON wrappers (ObjectId, Binary...), dates and regexes hold no text. */
function isSubdocument(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !("_bsontype" in value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp) &&
    !ArrayBuffer.isView(value)
  );
}

/**
 * The language of a (sub-)document: its language override field if present, else its parent's.
 * mongod refuses a document whose override is not a string (17261) or not a known language (17262).
 */
function languageOf(
  doc: Readonly<Record<string, unknown>>,
  spec: TextIndexSpec,
  inherited: TextLanguage,
): TextLanguage {
  const value = Object.hasOwn(doc, spec.languageOverride) ? doc[spec.languageOverride] : undefined;
  if (value === undefined) return inherited;
  if (typeof value !== "string") {
    throw new EngineTextError(
      17261,
      "Location17261",
      "found language override field in document with non-string type",
    );
  }
  const language = resolveTextLanguage(value);
  if (!language) {
    throw new EngineTextError(17262, "Location17262", `language override unsupported: ${value}`);
  }
  return language;
}

// Proper prefixes of the weighted paths ("a" and "a.b" for "a.b.c"), computed once per spec.
const prefixesBySpec = new WeakMap<TextIndexSpec, ReadonlySet<string>>();

function hasWeightBelow(spec: TextIndexSpec, path: string): boolean {
  let prefixes = prefixesBySpec.get(spec);
  if (!prefixes) {
    const all = new Set<string>();
    for (const field of spec.weights.keys()) {
      const parts = field.split(".");
      for (let length = 1; length < parts.length; length++) all.add(parts.slice(0, length).join("."));
    }
    prefixes = all;
    prefixesBySpec.set(spec, prefixes);
  }
  return prefixes.has(path);
}

function* walk(
  container: Container,
  isArray: boolean,
  parentPath: string,
  language: TextLanguage,
  spec: TextIndexSpec,
): Generator<TextFieldValue> {
  const entries: [string, unknown][] = Array.isArray(container)
    ? container.map((value, index) => [String(index), value])
    : Object.entries(container);
  for (const [fieldName, value] of entries) {
    // With "$**" the override field would otherwise be indexed as text itself.
    if (spec.wildcard && fieldName === spec.languageOverride) continue;
    // Array elements share their array's path, so `tags: "text"` covers every tag.
    const path = parentPath === "" ? fieldName : isArray ? parentPath : `${parentPath}.${fieldName}`;

    if (typeof value === "string") {
      const weight = spec.weights.get(path);
      if (weight !== undefined) yield { text: value, language, weight };
      else if (spec.wildcard) yield { text: value, language, weight: 1 };
    } else if (Array.isArray(value)) {
      // mongod descends into arrays of arrays only for the wildcard index.
      const wanted = spec.wildcard || spec.weights.has(path) || hasWeightBelow(spec, path);
      if (wanted && (!isArray || spec.wildcard)) yield* walk(value, true, path, language, spec);
    } else if (isSubdocument(value)) {
      if (spec.wildcard || hasWeightBelow(spec, path)) {
        yield* walk(value, false, path, languageOf(value, spec, language), spec);
      }
    }
  }
}

/**
 * The strings a text index reads from a document, as mongod's FTSElementIterator: fields named by
 * the weights (dotted paths into sub-documents, each element of string arrays), or every string
 * with the "$**" wildcard. Unlisted fields under the wildcard weigh 1.
 */
export function iterateTextFields(
  spec: TextIndexSpec,
  doc: Readonly<Record<string, unknown>>,
): Iterable<TextFieldValue> {
  return walk(doc, false, "", languageOf(doc, spec, spec.defaultLanguage), spec);
}
