import { parseCollation } from "../collation/parse-collation";
import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";
import { defaultIndexName } from "./default-index-name";
import type { IndexSpec } from "./index-spec";

const ALLOWED_OPTIONS = new Set([
  "key",
  "name",
  "unique",
  "sparse",
  "partialFilterExpression",
  "expireAfterSeconds",
  "background",
  "hidden",
  "collation",
  "weights",
  "default_language",
  "language_override",
  "textIndexVersion",
  "2dsphereIndexVersion",
  "bits",
  "min",
  "max",
  "wildcardProjection",
  "storageEngine",
  "v",
  "ns",
]);

const KEY_TYPES = new Set(["text", "2dsphere", "2d", "hashed"]);

/**
 * Validates a createIndexes entry and shapes it as mongod stores it: v, key, name, then options;
 * a text index's key becomes {_fts: "text", _ftsx: 1} plus weights and language settings.
 */
export function normalizeIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw new CommandError(14, "index specification must be an object");
  for (const option of Object.keys(raw)) {
    if (!ALLOWED_OPTIONS.has(option)) {
      throw new CommandError(
        197,
        `The field '${option}' is not valid for an index specification. Specification: ${JSON.stringify(raw)}`,
      );
    }
  }
  const key = raw.key;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new CommandError(67, "Index keys cannot be an empty field");
  }
  for (const [field, dir] of Object.entries(key)) {
    if (field.length === 0) throw new CommandError(67, "Index keys cannot contain an empty field");
    const ok =
      (typeof dir === "number" && dir !== 0 && !Number.isNaN(dir)) ||
      (typeof dir === "string" && KEY_TYPES.has(dir));
    if (!ok)
      throw new CommandError(
        67,
        `Values in the index key pattern can only be numbers or strings: ${field}: ${String(dir)}`,
      );
  }
  const name = raw.name === undefined ? defaultIndexName(key) : raw.name;
  if (typeof name !== "string" || name.length === 0)
    throw new CommandError(67, "index name must be a non-empty string");
  const textFields = Object.entries(key).filter(([, d]) => d === "text");
  const spec: IndexSpec = { v: 2, key: textFields.length > 0 ? textKey(key) : { ...key }, name };
  if (raw.unique === true) spec.unique = true;
  if (raw.sparse === true) spec.sparse = true;
  if (raw.partialFilterExpression !== undefined) {
    if (!isPlainObject(raw.partialFilterExpression)) {
      throw new CommandError(67, "partialFilterExpression must be an object");
    }
    spec.partialFilterExpression = raw.partialFilterExpression;
  }
  if (raw.expireAfterSeconds !== undefined) {
    const s = raw.expireAfterSeconds;
    if (typeof s !== "number" || s < 0 || !Number.isFinite(s)) {
      throw new CommandError(67, "TTL index 'expireAfterSeconds' option must be a non-negative number");
    }
    spec.expireAfterSeconds = Math.trunc(s);
  }
  if (raw.hidden === true) spec.hidden = true;
  if (raw.collation !== undefined) {
    // Filled in as mongod reports it; {locale: "simple"} means none.
    const collation = parseCollation(raw.collation);
    if (collation) spec.collation = { ...collation.spec };
    else spec.collation = SIMPLE;
  }
  if (textFields.length > 0) {
    const weights: Record<string, unknown> = {};
    for (const [field] of textFields) weights[field] = 1;
    if (isPlainObject(raw.weights)) Object.assign(weights, raw.weights);
    spec.weights = Object.fromEntries(
      Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    spec.default_language = typeof raw.default_language === "string" ? raw.default_language : "english";
    spec.language_override = typeof raw.language_override === "string" ? raw.language_override : "language";
    spec.textIndexVersion = 3;
  }
  if (raw["2dsphereIndexVersion"] !== undefined || Object.values(key).includes("2dsphere")) {
    spec["2dsphereIndexVersion"] = raw["2dsphereIndexVersion"] ?? 3;
  }
  return spec;
}

/** {a: 1, title: "text", b: "text", c: 1} -> {a: 1, _fts: "text", _ftsx: 1, c: 1} */
function textKey(key: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [field, dir] of Object.entries(key)) {
    if (dir === "text") {
      if (!placed) {
        out._fts = "text";
        out._ftsx = 1;
        placed = true;
      }
    } else out[field] = dir;
  }
  return out;
}

/**
 * Marks an index created with an explicit `{locale: "simple"}`: it must not inherit the
 * collection's default collation. Removed before the spec is stored.
 */
export const SIMPLE = Object.freeze({ locale: "simple" });
