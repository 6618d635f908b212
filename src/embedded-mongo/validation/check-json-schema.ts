import { bsonTypeOf } from "./bson-type-of";
import { typedValue } from "../bson/typed-value";
import { bsonValuesEqual } from "./bson-values-equal";
import type { JsonSchemaNode } from "./json-schema-node";
import { matchesTypeAlias } from "./matches-type-alias";
import { numericValue } from "./numeric-value";
import type { ValidationErrorDetail } from "./validation-error-detail";

type Detail = ValidationErrorDetail;
type Doc = Readonly<Record<string, unknown>>;

const isDocument = (value: unknown): value is Doc => bsonTypeOf(value) === "object";
const has = (doc: Doc, name: string): boolean => Object.hasOwn(doc, name) && doc[name] !== undefined;

/** `specifiedAs` quotes the keyword as the user wrote it. */
const specifiedAs = (node: JsonSchemaNode, ...keywords: string[]): Record<string, unknown> =>
  Object.fromEntries(
    keywords.filter((keyword) => node.schema[keyword] !== undefined).map((k) => [k, node.schema[k]]),
  );

function checkString(node: JsonSchemaNode, value: string, errors: Detail[]): void {
  const fail = (operatorName: string, reason: string): void => {
    errors.push({
      operatorName,
      specifiedAs: specifiedAs(node, operatorName),
      reason,
      consideredValue: value,
    });
  };
  if (node.pattern && !node.pattern.test(value)) fail("pattern", "regular expression did not match");
  // Lengths count code points, as mongod counts UTF-8 characters.
  const length = [...value].length;
  if (node.maxLength !== undefined && length > node.maxLength) {
    fail("maxLength", "specified string length was not satisfied");
  }
  if (node.minLength !== undefined && length < node.minLength) {
    fail("minLength", "specified string length was not satisfied");
  }
}

function checkNumber(node: JsonSchemaNode, value: unknown, number: number, errors: Detail[]): void {
  if (node.multipleOf !== undefined && number % node.multipleOf !== 0) {
    errors.push({
      operatorName: "multipleOf",
      specifiedAs: specifiedAs(node, "multipleOf"),
      reason: "considered value is not a multiple of the specified value",
      consideredValue: value,
    });
  }
  const { maximum, minimum } = node;
  if (maximum && (maximum.exclusive ? !(number < maximum.limit) : !(number <= maximum.limit))) {
    errors.push({
      operatorName: "maximum",
      specifiedAs: specifiedAs(node, "maximum", "exclusiveMaximum"),
      reason: "comparison failed",
      consideredValue: value,
    });
  }
  if (minimum && (minimum.exclusive ? !(number > minimum.limit) : !(number >= minimum.limit))) {
    errors.push({
      operatorName: "minimum",
      specifiedAs: specifiedAs(node, "minimum", "exclusiveMinimum"),
      reason: "comparison failed",
      consideredValue: value,
    });
  }
}

/** Index of the first item failing `node`, with its details. */
function firstFailingItem(
  node: JsonSchemaNode,
  items: readonly unknown[],
  start: number,
): [number, Detail[]] | undefined {
  for (let index = start; index < items.length; index++) {
    const details = checkJsonSchema(node, typedValue(items, index), false);
    if (details.length > 0) return [index, details];
  }
  return undefined;
}

function checkArray(node: JsonSchemaNode, value: readonly unknown[], errors: Detail[]): void {
  for (const keyword of ["minItems", "maxItems"] as const) {
    const limit = node[keyword];
    if (limit === undefined || (keyword === "minItems" ? value.length >= limit : value.length <= limit))
      continue;
    errors.push({
      operatorName: keyword,
      specifiedAs: specifiedAs(node, keyword),
      reason: "array did not match specified length",
      consideredValue: value,
      numberOfItems: value.length,
    });
  }
  if (node.uniqueItems) {
    const duplicateIndex = value.findIndex((item, index) =>
      value.slice(0, index).some((earlier) => bsonValuesEqual(earlier, item)),
    );
    if (duplicateIndex >= 0) {
      errors.push({
        operatorName: "uniqueItems",
        specifiedAs: specifiedAs(node, "uniqueItems"),
        reason: "found a duplicate item",
        consideredValue: value,
        duplicatedValue: value[duplicateIndex],
      });
    }
  }

  const { items, additionalItems } = node;
  if (Array.isArray(items)) {
    const failing = items.flatMap((itemNode: JsonSchemaNode, index) => {
      if (index >= value.length) return [];
      const details = checkJsonSchema(itemNode, typedValue(value, index), false);
      return details.length > 0 ? [{ itemIndex: index, details }] : [];
    });
    if (failing.length > 0) errors.push({ operatorName: "items", details: failing });

    // additionalItems only means something after a positional `items` array.
    if (additionalItems === false && value.length > items.length) {
      errors.push({
        operatorName: "additionalItems",
        specifiedAs: specifiedAs(node, "additionalItems"),
        reason: "found additional items",
        additionalItems: value.slice(items.length),
      });
    } else if (typeof additionalItems === "object") {
      const failure = firstFailingItem(additionalItems, value, items.length);
      if (failure) {
        errors.push({
          operatorName: "additionalItems",
          ...additionalItems.annotations,
          reason: "At least one additional item did not match the sub-schema",
          itemIndex: failure[0],
          details: failure[1],
        });
      }
    }
  } else if (items) {
    const failure = firstFailingItem(items as JsonSchemaNode, value, 0);
    if (failure) {
      errors.push({
        operatorName: "items",
        ...(items as JsonSchemaNode).annotations,
        reason: "At least one item did not match the sub-schema",
        itemIndex: failure[0],
        details: failure[1],
      });
    }
  }
}

function checkAllowedProperties(node: JsonSchemaNode, doc: Doc, errors: Detail[]): void {
  const { additionalProperties, patternProperties = [] } = node;
  if (additionalProperties === undefined && patternProperties.length === 0) return;

  const named = new Set((node.properties ?? []).map(([name]) => name));
  const additional = Object.keys(doc).filter(
    (name) => !named.has(name) && !patternProperties.some(({ regex }) => regex.test(name)),
  );
  if (additionalProperties === false && additional.length > 0) {
    errors.push({
      operatorName: "additionalProperties",
      specifiedAs: { additionalProperties: false },
      additionalProperties: additional,
    });
  } else if (typeof additionalProperties === "object") {
    for (const name of additional) {
      const details = checkJsonSchema(additionalProperties, typedValue(doc, name), false);
      if (details.length === 0) continue;
      errors.push({
        operatorName: "additionalProperties",
        ...additionalProperties.annotations,
        reason: "at least one additional property did not match the subschema",
        failingProperty: name,
        details,
      });
      break;
    }
  }

  // One entry per pattern: the first property it matches that breaks its schema.
  const patternFailures: Detail[] = [];
  for (const { regex, node: patternNode } of patternProperties) {
    for (const name of Object.keys(doc)) {
      if (!regex.test(name)) continue;
      const details = checkJsonSchema(patternNode, typedValue(doc, name), false);
      if (details.length === 0) continue;
      patternFailures.push({
        propertyName: name,
        ...patternNode.annotations,
        regexMatched: regex.source,
        details,
      });
      break;
    }
  }
  if (patternFailures.length > 0)
    errors.push({ operatorName: "patternProperties", details: patternFailures });
}

function checkObject(node: JsonSchemaNode, doc: Doc, atRoot: boolean, errors: Detail[]): void {
  if (node.properties) {
    const failing: Detail[] = [];
    for (const [name, propertyNode] of node.properties) {
      // A missing property is `required`'s business, not `properties`'.
      if (!has(doc, name)) continue;
      const details = checkJsonSchema(propertyNode, typedValue(doc, name), false);
      if (details.length > 0) failing.push({ propertyName: name, ...propertyNode.annotations, details });
    }
    if (failing.length > 0) errors.push({ operatorName: "properties", propertiesNotSatisfied: failing });
  }

  checkAllowedProperties(node, doc, errors);

  if (node.required) {
    const missingProperties = node.required.filter((name) => !has(doc, name));
    if (missingProperties.length > 0) {
      errors.push({
        operatorName: "required",
        specifiedAs: specifiedAs(node, "required"),
        missingProperties,
      });
    }
  }

  const count = Object.keys(doc).length;
  for (const keyword of ["minProperties", "maxProperties"] as const) {
    const limit = node[keyword];
    if (limit === undefined || (keyword === "minProperties" ? count >= limit : count <= limit)) continue;
    errors.push({
      operatorName: keyword,
      specifiedAs: specifiedAs(node, keyword),
      reason: "specified number of properties was not satisfied",
      numberOfProperties: count,
    });
  }

  if (node.dependencies) {
    const failingDependencies: Detail[] = [];
    for (const [name, dependency] of node.dependencies) {
      if (!has(doc, name)) continue;
      if (Array.isArray(dependency)) {
        const missingProperties = (dependency as readonly string[]).filter((required) => !has(doc, required));
        if (missingProperties.length > 0)
          failingDependencies.push({ conditionalProperty: name, missingProperties });
      } else {
        // A schema dependency applies to the same object the dependent property lives in.
        const details = checkJsonSchema(dependency as JsonSchemaNode, doc, atRoot);
        if (details.length > 0) failingDependencies.push({ conditionalProperty: name, details });
      }
    }
    if (failingDependencies.length > 0) errors.push({ operatorName: "dependencies", failingDependencies });
  }
}

function checkLogical(node: JsonSchemaNode, value: unknown, atRoot: boolean, errors: Detail[]): void {
  const results = (nodes: readonly JsonSchemaNode[]): Detail[][] =>
    nodes.map((child) => checkJsonSchema(child, value, atRoot));
  const notSatisfied = (nodes: readonly JsonSchemaNode[], details: Detail[][]): Detail[] =>
    details.flatMap((childDetails, index) =>
      childDetails.length > 0 ? [{ index, ...nodes[index].annotations, details: childDetails }] : [],
    );

  if (node.allOf) {
    const failing = notSatisfied(node.allOf, results(node.allOf));
    if (failing.length > 0) errors.push({ operatorName: "allOf", schemasNotSatisfied: failing });
  }
  if (node.anyOf) {
    const details = results(node.anyOf);
    if (details.every((childDetails) => childDetails.length > 0)) {
      errors.push({ operatorName: "anyOf", schemasNotSatisfied: notSatisfied(node.anyOf, details) });
    }
  }
  if (node.oneOf) {
    const details = results(node.oneOf);
    const matching = details.flatMap((childDetails, index) => (childDetails.length === 0 ? [index] : []));
    if (matching.length === 0) {
      errors.push({ operatorName: "oneOf", schemasNotSatisfied: notSatisfied(node.oneOf, details) });
    } else if (matching.length > 1) {
      errors.push({
        operatorName: "oneOf",
        reason: "more than one subschema matched",
        matchingSchemaIndexes: matching,
      });
    }
  }
  if (node.not && checkJsonSchema(node.not, value, atRoot).length === 0) {
    errors.push({ operatorName: "not", reason: "child expression matched" });
  }
}

function checkEnum(node: JsonSchemaNode, value: unknown, atRoot: boolean, errors: Detail[]): void {
  if (!node.enum) return;
  // At the top level only object values can equal the document, as in mongod.
  const candidates = atRoot ? node.enum.filter(isDocument) : node.enum;
  if (candidates.some((candidate) => bsonValuesEqual(candidate, value))) return;
  errors.push({
    operatorName: "enum",
    specifiedAs: specifiedAs(node, "enum"),
    reason: "value was not found in enum",
    consideredValue: value,
  });
}

/**
 * Checks a value against a compiled (sub)schema and returns mongod's error details for the
 * keywords it breaks, in mongod's order (string, number, array, object, logical keywords, enum,
 * then type); an empty array means the value is valid. Keywords for another type than the
 * value's are ignored, as JSON Schema says. `atRoot` is true for the document itself, where
 * scalar and array keywords have no effect.
 */
export function checkJsonSchema(node: JsonSchemaNode, value: unknown, atRoot: boolean): Detail[] {
  const errors: Detail[] = [];
  if (!atRoot) {
    if (typeof value === "string") checkString(node, value, errors);
    const number = numericValue(value);
    if (number !== undefined) checkNumber(node, value, number, errors);
    if (Array.isArray(value)) checkArray(node, value, errors);
  }
  if (isDocument(value)) checkObject(node, value, atRoot, errors);
  checkLogical(node, value, atRoot, errors);
  checkEnum(node, value, atRoot, errors);

  const type = node.type;
  const typeMatches = type
    ? atRoot
      ? type.aliases.includes("object")
      : type.aliases.some((alias) => matchesTypeAlias(value, alias))
    : true;
  if (type && !typeMatches) {
    errors.push({
      operatorName: type.keyword,
      specifiedAs: specifiedAs(node, type.keyword),
      reason: "type did not match",
      consideredValue: value,
      consideredType: bsonTypeOf(value),
    });
  }
  return errors;
}
