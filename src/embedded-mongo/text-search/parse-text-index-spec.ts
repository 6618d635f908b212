import { EngineTextError } from "./engine-text-error";
import { resolveTextLanguage } from "./resolve-text-language";
import type { TextIndexSpec } from "./text-index-spec";

/** The createIndexes options a text index reads; anything else is left to the engine. */
export interface TextIndexOptions {
  readonly name?: unknown;
  readonly weights?: unknown;
  readonly default_language?: unknown;
  readonly language_override?: unknown;
  readonly textIndexVersion?: unknown;
}

const WILDCARD = "$**";
// mongod: MAX_WORD_WEIGHT = MAX_WEIGHT / 10000 with MAX_WEIGHT = 1e9.
const MAX_WORD_WEIGHT = 100000;

function fail(message: string): never {
  throw EngineTextError.cannotCreateIndex(message);
}

const isNumber = (value: unknown): value is number => typeof value === "number" && !Number.isNaN(value);

/** Numbers may arrive wrapped (bson Int32, Double, Long): read them as mongod's numberInt would. */
function numericValue(value: unknown): number | undefined {
  if (isNumber(value)) return value;
  if (typeof value === "bigint") return Number(value);
  if (value !== null && typeof value === "object" && "_bsontype" in value) {
    const wrapped = value as { valueOf(): unknown; toNumber?: () => number };
    if (typeof wrapped.toNumber === "function") return wrapped.toNumber();
    const primitive = wrapped.valueOf();
    if (isNumber(primitive)) return primitive;
  }
  return undefined;
}

/** mongod's default index name: `field_value` pairs of the key as given, joined by "_". */
function defaultIndexName(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([field, value]) => `${field}_${String(numericValue(value) ?? value)}`)
    .join("_");
}

function checkWeightPath(path: string): void {
  if (path === WILDCARD) return;
  if (path === "") fail("weight cannot be on an empty field");
  for (const part of path.split(".")) {
    if (part === "") fail("weight cannot have empty path component");
    if (part.startsWith("$")) fail("weight cannot have path component with $ prefix");
  }
}

/**
 * Normalises a text index definition as mongod's FTSSpec::fixSpec does (version 3): accepts both
 * the user form `{title: "text", body: "text"}` and the stored form `{_fts: "text", _ftsx: 1}`,
 * merges `weights` (truncated to integers, as mongod stores them), and validates languages.
 * Errors are code 67 CannotCreateIndex, like mongod's createIndexes.
 */
export function parseTextIndexSpec(
  key: Readonly<Record<string, unknown>>,
  options: TextIndexOptions = {},
): TextIndexSpec {
  const weights = new Map<string, number>();
  const fixedKey: Record<string, unknown> = {};
  const extraBefore: string[] = [];
  const extraAfter: string[] = [];
  // Phases of the key: fields before the text block, the text block, fields after it.
  let phase: "before" | "text" | "after" = "before";

  for (const [field, value] of Object.entries(key)) {
    if (field === "_fts") {
      if (value !== "text") fail('expecting _fts:"text"');
      if (phase !== "before") fail("'text' fields in index must all be adjacent");
      fixedKey._fts = "text";
      phase = "text";
    } else if (field === "_ftsx") {
      if (numericValue(value) !== 1) fail("expecting _ftsx:1");
      if (phase !== "text") fail("expected _ftsx after _fts");
      fixedKey._ftsx = 1;
      phase = "after";
    } else if (value === "text") {
      if (phase === "after") fail("'text' fields in index must all be adjacent");
      if (phase === "before") {
        fixedKey._fts = "text";
        fixedKey._ftsx = 1;
        phase = "text";
      }
      weights.set(field, 1);
    } else {
      const direction = numericValue(value);
      if (direction === undefined || (Math.trunc(direction) !== 1 && Math.trunc(direction) !== -1)) {
        fail("expected value 1 or -1 for non-text key in compound index");
      }
      if (phase === "text") phase = "after";
      (phase === "before" ? extraBefore : extraAfter).push(field);
      fixedKey[field] = value;
    }
  }
  if (!("_fts" in fixedKey)) fail("expected a text field in text index key pattern");

  let wildcard = weights.has(WILDCARD);
  const weightsOption = options.weights;
  if (weightsOption === WILDCARD) {
    wildcard = true;
  } else if (weightsOption !== null && typeof weightsOption === "object" && !Array.isArray(weightsOption)) {
    for (const [field, value] of Object.entries(weightsOption)) {
      const weight = numericValue(value);
      if (weight === undefined) fail("weight for text index needs numeric type");
      weights.set(field, Math.trunc(weight));
      if (field === WILDCARD) wildcard = true;
    }
  } else if (weightsOption !== undefined) {
    fail("text index option 'weights' must be an object");
  }
  if (weights.size === 0 && !wildcard) {
    fail("text index option 'weights' must specify fields or the wildcard");
  }

  const sorted = new Map<string, number>();
  for (const field of [...weights.keys(), ...(wildcard && !weights.has(WILDCARD) ? [WILDCARD] : [])].sort()) {
    const weight = weights.get(field) ?? 1;
    if (weight <= 0 || weight >= MAX_WORD_WEIGHT) {
      fail(`text index weight must be in the exclusive interval (0,${MAX_WORD_WEIGHT}) but found: ${weight}`);
    }
    checkWeightPath(field);
    sorted.set(field, weight);
  }

  let defaultLanguageName = "english";
  if (options.default_language !== undefined) {
    if (typeof options.default_language !== "string") fail("default_language needs a string type");
    defaultLanguageName = options.default_language;
  }
  const defaultLanguage = resolveTextLanguage(defaultLanguageName);
  if (!defaultLanguage) fail("default_language is not valid");

  let languageOverride = "language";
  if (options.language_override !== undefined) {
    if (typeof options.language_override !== "string") fail("language_override must be a string");
    languageOverride = options.language_override;
    // mongod: not empty, no "$" prefix, no dot.
    if (languageOverride === "" || languageOverride.startsWith("$") || languageOverride.includes(".")) {
      fail("language_override is not valid");
    }
  }

  if (options.textIndexVersion !== undefined) {
    const version = numericValue(options.textIndexVersion);
    if (version === undefined) fail("text index option 'textIndexVersion' must be a number");
    // Only version 3 (Unicode tokenizer, diacritic folding) is implemented here.
    if (version !== 3) fail(`bad textIndexVersion: ${version}`);
  }

  let name = defaultIndexName(key as Record<string, unknown>);
  if (options.name !== undefined) {
    if (typeof options.name !== "string" || options.name === "")
      fail("The index name must be a non-empty string");
    name = options.name;
  }

  return {
    name,
    weights: new Map([...sorted].filter(([field]) => field !== WILDCARD)),
    weightsDocument: Object.fromEntries(sorted),
    wildcard,
    defaultLanguage,
    defaultLanguageName,
    languageOverride,
    extraBefore,
    extraAfter,
    key: fixedKey,
    textIndexVersion: 3,
  };
}
