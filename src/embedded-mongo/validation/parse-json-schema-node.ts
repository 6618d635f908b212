import { bsonValuesEqual } from "./bson-values-equal";
import { compileRegex } from "./compile-regex";
import type { JsonSchemaNode } from "./json-schema-node";
import { numericValue } from "./numeric-value";
import { isValidatorObject } from "./is-validator-object";
import { ValidatorError } from "./validator-error";
import { BSON_TYPE_ALIASES } from "../bson/bson-type-aliases";

type Schema = Readonly<Record<string, unknown>>;

const KEYWORDS = new Set([
  "additionalItems",
  "additionalProperties",
  "allOf",
  "anyOf",
  "bsonType",
  "dependencies",
  "description",
  "enum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "items",
  "maxItems",
  "maxLength",
  "maxProperties",
  "maximum",
  "minItems",
  "minLength",
  "minProperties",
  "minimum",
  "multipleOf",
  "not",
  "oneOf",
  "pattern",
  "patternProperties",
  "properties",
  "required",
  "title",
  "type",
  "uniqueItems",
]);
// mongod names these as known but unsupported; encryption is not offered by this engine either.
const UNSUPPORTED = new Set([
  "$ref",
  "$schema",
  "default",
  "definitions",
  "format",
  "id",
  "encrypt",
  "encryptMetadata",
]);

// JSON Schema `type` names and the BSON alias each stands for.
const JSON_TYPE_ALIASES: ReadonlyMap<string, string> = new Map([
  ["array", "array"],
  ["boolean", "bool"],
  ["null", "null"],
  ["number", "number"],
  ["object", "object"],
  ["string", "string"],
]);

const describe = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

function parseTypes(keyword: "type" | "bsonType", value: unknown): string[] {
  const names = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  if (!names) {
    throw ValidatorError.typeMismatch(
      `$jsonSchema keyword '${keyword}' must be either a string or an array of strings`,
    );
  }
  if (names.length === 0)
    throw ValidatorError.failedToParse(`$jsonSchema keyword '${keyword}' must name at least one type`);
  const aliases: string[] = [];
  for (const name of names) {
    if (typeof name !== "string") {
      throw ValidatorError.typeMismatch(`$jsonSchema keyword '${keyword}' array elements must be strings`);
    }
    if (keyword === "type" && name === "integer") {
      throw ValidatorError.failedToParse("$jsonSchema type 'integer' is not currently supported.");
    }
    const alias =
      keyword === "type" ? JSON_TYPE_ALIASES.get(name) : BSON_TYPE_ALIASES.has(name) ? name : undefined;
    if (!alias) throw ValidatorError.badValue(`Unknown type name alias: ${name}`);
    if (aliases.includes(alias)) {
      throw ValidatorError.failedToParse(`$jsonSchema keyword '${keyword}' has duplicate value: ${name}`);
    }
    aliases.push(alias);
  }
  return aliases;
}

/** Keywords taking a non-negative integer (mongod's parseIntegerElementToNonNegativeLong). */
function parseCount(keyword: string, value: unknown): number {
  const count = numericValue(value);
  if (count === undefined)
    throw ValidatorError.failedToParse(`Expected a number in: ${keyword}: ${String(value)}`);
  if (!Number.isInteger(count))
    throw ValidatorError.failedToParse(`Expected an integer: ${keyword}: ${count}`);
  if (count < 0) throw ValidatorError.failedToParse(`Expected a positive number in: ${keyword}: ${count}`);
  return count;
}

function parseNumber(keyword: string, value: unknown): number {
  const number = numericValue(value);
  if (number === undefined)
    throw ValidatorError.typeMismatch(`$jsonSchema keyword '${keyword}' must be a number`);
  return number;
}

function parseBoolean(keyword: string, value: unknown): boolean {
  if (typeof value !== "boolean")
    throw ValidatorError.typeMismatch(`$jsonSchema keyword '${keyword}' must be a boolean`);
  return value;
}

function parseBound(schema: Schema, keyword: "maximum" | "minimum"): JsonSchemaNode["maximum"] {
  const exclusiveKeyword = keyword === "maximum" ? "exclusiveMaximum" : "exclusiveMinimum";
  if (schema[keyword] === undefined) {
    if (schema[exclusiveKeyword] !== undefined) {
      throw ValidatorError.failedToParse(
        `$jsonSchema keyword '${keyword}' must be a present if ${exclusiveKeyword} is present`,
      );
    }
    return undefined;
  }
  const exclusive =
    schema[exclusiveKeyword] === undefined ? false : parseBoolean(exclusiveKeyword, schema[exclusiveKeyword]);
  return { limit: parseNumber(keyword, schema[keyword]), exclusive };
}

function parseSchemaList(keyword: string, value: unknown): JsonSchemaNode[] {
  if (!Array.isArray(value))
    throw ValidatorError.typeMismatch(`$jsonSchema keyword '${keyword}' must be an array`);
  if (value.length === 0)
    throw ValidatorError.badValue(`$jsonSchema keyword '${keyword}' must be a non-empty array`);
  return value.map((item) => {
    if (!isValidatorObject(item)) {
      throw ValidatorError.typeMismatch(
        `$jsonSchema keyword '${keyword}' must be an array of objects, but found an element of type ${describe(item)}`,
      );
    }
    return parseJsonSchemaNode(item);
  });
}

function parseSchemaOrBoolean(keyword: string, value: unknown): boolean | JsonSchemaNode {
  if (typeof value === "boolean") return value;
  if (isValidatorObject(value)) return parseJsonSchemaNode(value);
  throw ValidatorError.typeMismatch(`$jsonSchema keyword '${keyword}' must be an object or a boolean`);
}

function parseRequired(value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw ValidatorError.typeMismatch(
      `$jsonSchema keyword 'required' must be an array, but found an element of type ${describe(value)}`,
    );
  }
  for (const name of value) {
    if (typeof name !== "string") {
      throw ValidatorError.typeMismatch(
        `$jsonSchema keyword 'required' must be an array of strings, but found an element of type: ${describe(name)}`,
      );
    }
  }
  if (value.length === 0)
    throw ValidatorError.failedToParse("$jsonSchema keyword 'required' cannot be an empty array");
  if (new Set(value).size !== value.length) {
    throw ValidatorError.failedToParse(
      "$jsonSchema keyword 'required' array cannot contain duplicate values",
    );
  }
  return value as string[];
}

function parseEnum(value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    throw ValidatorError.typeMismatch(
      `$jsonSchema keyword 'enum' must be an array, but found an element of type ${describe(value)}`,
    );
  }
  if (value.length === 0)
    throw ValidatorError.failedToParse("$jsonSchema keyword 'enum' cannot be an empty array");
  value.forEach((item, index) => {
    if (value.slice(0, index).some((earlier) => bsonValuesEqual(earlier, item))) {
      throw ValidatorError.failedToParse("$jsonSchema keyword 'enum' array cannot contain duplicate values.");
    }
  });
  return value;
}

function parseProperties(value: unknown): [string, JsonSchemaNode][] {
  if (!isValidatorObject(value))
    throw ValidatorError.typeMismatch("$jsonSchema keyword 'properties' must be an object");
  return Object.entries(value).map(([name, nested]) => {
    if (!isValidatorObject(nested)) {
      throw ValidatorError.typeMismatch(`Nested schema for $jsonSchema property '${name}' must be an object`);
    }
    return [name, parseJsonSchemaNode(nested)];
  });
}

function parsePatternProperties(value: unknown): { regex: RegExp; node: JsonSchemaNode }[] {
  if (!isValidatorObject(value))
    throw ValidatorError.typeMismatch("$jsonSchema keyword 'patternProperties' must be an object");
  return Object.entries(value).map(([pattern, nested]) => {
    if (!isValidatorObject(nested)) {
      throw ValidatorError.typeMismatch(
        `$jsonSchema keyword 'patternProperties' has property '${pattern}' which is not an object`,
      );
    }
    return { regex: compileRegex(pattern), node: parseJsonSchemaNode(nested) };
  });
}

function parseItems(value: unknown): JsonSchemaNode | JsonSchemaNode[] {
  if (isValidatorObject(value)) return parseJsonSchemaNode(value);
  if (!Array.isArray(value)) {
    throw ValidatorError.typeMismatch(
      `$jsonSchema keyword 'items' must be an array or an object, not ${describe(value)}`,
    );
  }
  return value.map((item) => {
    if (!isValidatorObject(item)) {
      throw ValidatorError.typeMismatch(
        `$jsonSchema keyword 'items' requires that each element of the array is an object, but found a ${describe(item)}`,
      );
    }
    return parseJsonSchemaNode(item);
  });
}

function parseDependencies(value: unknown): [string, string[] | JsonSchemaNode][] {
  if (!isValidatorObject(value))
    throw ValidatorError.typeMismatch("$jsonSchema keyword 'dependencies' must be an object");
  return Object.entries(value).map(([name, dependency]) => {
    if (isValidatorObject(dependency)) return [name, parseJsonSchemaNode(dependency)];
    if (!Array.isArray(dependency)) {
      throw ValidatorError.typeMismatch(
        `property '${name}' in $jsonSchema keyword 'dependencies' must be either an object or an array`,
      );
    }
    if (dependency.length === 0) {
      throw ValidatorError.failedToParse(
        `property '${name}' in $jsonSchema keyword 'dependencies' cannot be an empty array`,
      );
    }
    for (const item of dependency) {
      if (typeof item !== "string") {
        throw ValidatorError.typeMismatch(
          `array '${name}' in $jsonSchema keyword 'dependencies' can only contain strings, but found element of type: ${describe(item)}`,
        );
      }
    }
    if (new Set(dependency).size !== dependency.length) {
      throw ValidatorError.failedToParse(
        `array '${name}' in $jsonSchema keyword 'dependencies' contains duplicate element`,
      );
    }
    return [name, dependency as string[]];
  });
}

/**
 * Compiles one `$jsonSchema` (sub)schema with mongod's json_schema_parser rules and error codes:
 * unknown or unsupported keywords and bad values are FailedToParse (9), wrong value types are
 * TypeMismatch (14), unknown type aliases and empty logical arrays are BadValue (2).
 */
export function parseJsonSchemaNode(schema: Schema): JsonSchemaNode {
  for (const keyword of Object.keys(schema)) {
    if (UNSUPPORTED.has(keyword)) {
      throw ValidatorError.failedToParse(`$jsonSchema keyword '${keyword}' is not currently supported`);
    }
    if (!KEYWORDS.has(keyword)) throw ValidatorError.failedToParse(`Unknown $jsonSchema keyword: ${keyword}`);
  }
  const has = (keyword: string): boolean => schema[keyword] !== undefined;

  const annotations: { title?: string; description?: string } = {};
  for (const keyword of ["title", "description"] as const) {
    if (!has(keyword)) continue;
    const text = schema[keyword];
    if (typeof text !== "string")
      throw ValidatorError.typeMismatch(`$jsonSchema keyword '${keyword}' must be of type string`);
    annotations[keyword] = text;
  }

  if (has("type") && has("bsonType")) {
    throw ValidatorError.failedToParse("Cannot specify both $jsonSchema keywords 'type' and 'bsonType'");
  }
  const typeKeyword = has("type") ? "type" : has("bsonType") ? "bsonType" : undefined;

  let pattern: RegExp | undefined;
  if (has("pattern")) {
    if (typeof schema.pattern !== "string")
      throw ValidatorError.typeMismatch("$jsonSchema keyword 'pattern' must be a string");
    pattern = compileRegex(schema.pattern);
  }

  let multipleOf: number | undefined;
  if (has("multipleOf")) {
    multipleOf = parseNumber("multipleOf", schema.multipleOf);
    if (!(multipleOf > 0))
      throw ValidatorError.failedToParse("$jsonSchema keyword 'multipleOf' must have a positive value");
  }

  if (has("not") && !isValidatorObject(schema.not)) {
    throw ValidatorError.typeMismatch(
      `$jsonSchema keyword 'not' must be an object, but found an element of type ${describe(schema.not)}`,
    );
  }
  if (
    has("additionalItems") &&
    typeof schema.additionalItems !== "boolean" &&
    !isValidatorObject(schema.additionalItems)
  ) {
    throw ValidatorError.typeMismatch(
      `$jsonSchema keyword 'additionalItems' must be either an object or a boolean, but got a ${describe(schema.additionalItems)}`,
    );
  }

  return {
    schema,
    annotations,
    type: typeKeyword && { keyword: typeKeyword, aliases: parseTypes(typeKeyword, schema[typeKeyword]) },
    pattern,
    maxLength: has("maxLength") ? parseCount("maxLength", schema.maxLength) : undefined,
    minLength: has("minLength") ? parseCount("minLength", schema.minLength) : undefined,
    multipleOf,
    maximum: parseBound(schema, "maximum"),
    minimum: parseBound(schema, "minimum"),
    minItems: has("minItems") ? parseCount("minItems", schema.minItems) : undefined,
    maxItems: has("maxItems") ? parseCount("maxItems", schema.maxItems) : undefined,
    uniqueItems: has("uniqueItems") ? parseBoolean("uniqueItems", schema.uniqueItems) : undefined,
    items: has("items") ? parseItems(schema.items) : undefined,
    additionalItems: has("additionalItems")
      ? parseSchemaOrBoolean("additionalItems", schema.additionalItems)
      : undefined,
    properties: has("properties") ? parseProperties(schema.properties) : undefined,
    patternProperties: has("patternProperties")
      ? parsePatternProperties(schema.patternProperties)
      : undefined,
    additionalProperties: has("additionalProperties")
      ? parseSchemaOrBoolean("additionalProperties", schema.additionalProperties)
      : undefined,
    required: has("required") ? parseRequired(schema.required) : undefined,
    minProperties: has("minProperties") ? parseCount("minProperties", schema.minProperties) : undefined,
    maxProperties: has("maxProperties") ? parseCount("maxProperties", schema.maxProperties) : undefined,
    dependencies: has("dependencies") ? parseDependencies(schema.dependencies) : undefined,
    allOf: has("allOf") ? parseSchemaList("allOf", schema.allOf) : undefined,
    anyOf: has("anyOf") ? parseSchemaList("anyOf", schema.anyOf) : undefined,
    oneOf: has("oneOf") ? parseSchemaList("oneOf", schema.oneOf) : undefined,
    not: isValidatorObject(schema.not) ? parseJsonSchemaNode(schema.not) : undefined,
    enum: has("enum") ? parseEnum(schema.enum) : undefined,
  };
}
