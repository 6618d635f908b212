import { describe, expect, it } from "vitest";
import {
  compileJsonSchema,
  validateDocument,
  type ValidationErrorDetail,
} from "../../../src/embedded-mongo/validation";
import { bsonTypeMismatch } from "./support/bson-type-mismatch";

type Doc = Record<string, unknown>;

/** The rules a document breaks under a schema (the $jsonSchema details' list), or null if valid. */
function rules(schema: Doc, doc: Doc): ValidationErrorDetail[] | null {
  const details = validateDocument(compileJsonSchema(schema), doc);
  if (details === null) return null;
  expect(details.operatorName).toBe("$jsonSchema");
  return details.schemaRulesNotSatisfied as ValidationErrorDetail[];
}

/** The details for one property under `properties`. */
function propertyDetails(property: Doc, value: unknown): ValidationErrorDetail[] | null {
  const broken = rules({ properties: { p: property } }, { p: value });
  if (broken === null) return null;
  expect(broken).toHaveLength(1);
  expect(broken[0].operatorName).toBe("properties");
  const [entry] = broken[0].propertiesNotSatisfied as ValidationErrorDetail[];
  expect(entry.propertyName).toBe("p");
  return entry.details as ValidationErrorDetail[];
}

describe("$jsonSchema keywords", () => {
  it("bsonType: single, list, and number", () => {
    expect(propertyDetails({ bsonType: "string" }, "x")).toBeNull();
    expect(propertyDetails({ bsonType: "string" }, 5)).toEqual([bsonTypeMismatch("string", 5, "int")]);
    expect(propertyDetails({ bsonType: ["objectId", "null"] }, null)).toBeNull();
    expect(propertyDetails({ bsonType: "number" }, 2.5)).toBeNull();
    expect(propertyDetails({ bsonType: "date" }, new Date())).toBeNull();
  });

  it("type: JSON type names", () => {
    expect(propertyDetails({ type: "boolean" }, true)).toBeNull();
    expect(propertyDetails({ type: "number" }, 3)).toBeNull();
    expect(propertyDetails({ type: "object" }, [])?.[0]).toMatchObject({
      operatorName: "type",
      reason: "type did not match",
      consideredType: "array",
    });
  });

  it("minLength/maxLength count code points", () => {
    // Two emoji are two code points (four UTF-16 units).
    expect(propertyDetails({ maxLength: 2 }, "😀😀")).toBeNull();
    expect(propertyDetails({ maxLength: 2 }, "abc")).toEqual([
      {
        operatorName: "maxLength",
        specifiedAs: { maxLength: 2 },
        reason: "specified string length was not satisfied",
        consideredValue: "abc",
      },
    ]);
    expect(propertyDetails({ minLength: 1 }, "")?.[0]).toMatchObject({ operatorName: "minLength" });
    // Length keywords ignore non-strings.
    expect(propertyDetails({ minLength: 1 }, 5)).toBeNull();
  });

  it("minimum/maximum with exclusive bounds", () => {
    expect(propertyDetails({ minimum: 0 }, 0)).toBeNull();
    expect(propertyDetails({ minimum: 0, exclusiveMinimum: true }, 0)).toEqual([
      {
        operatorName: "minimum",
        specifiedAs: { minimum: 0, exclusiveMinimum: true },
        reason: "comparison failed",
        consideredValue: 0,
      },
    ]);
    expect(propertyDetails({ maximum: 10 }, 10)).toBeNull();
    expect(propertyDetails({ maximum: 10, exclusiveMaximum: true }, 10)?.[0]).toMatchObject({
      operatorName: "maximum",
    });
    expect(propertyDetails({ maximum: 10 }, "11")).toBeNull();
  });

  it("pattern and enum", () => {
    expect(propertyDetails({ pattern: "^INC-\\d+$" }, "INC-42")).toBeNull();
    expect(propertyDetails({ pattern: "^INC-\\d+$" }, "inc-42")).toEqual([
      {
        operatorName: "pattern",
        specifiedAs: { pattern: "^INC-\\d+$" },
        reason: "regular expression did not match",
        consideredValue: "inc-42",
      },
    ]);
    expect(propertyDetails({ enum: ["low", "high"] }, "high")).toBeNull();
    expect(propertyDetails({ enum: ["low", "high"] }, "medium")).toEqual([
      {
        operatorName: "enum",
        specifiedAs: { enum: ["low", "high"] },
        reason: "value was not found in enum",
        consideredValue: "medium",
      },
    ]);
  });

  it("required", () => {
    expect(rules({ required: ["a", "b"] }, { a: 1, b: 2 })).toBeNull();
    expect(rules({ required: ["a", "b", "c"] }, { b: 2 })).toEqual([
      { operatorName: "required", specifiedAs: { required: ["a", "b", "c"] }, missingProperties: ["a", "c"] },
    ]);
  });

  it("additionalProperties: false and as a schema", () => {
    const closed = { properties: { _id: {}, a: {} }, additionalProperties: false };
    expect(rules(closed, { _id: 1, a: 1 })).toBeNull();
    expect(rules(closed, { _id: 1, a: 1, x: 2, y: 3 })).toEqual([
      {
        operatorName: "additionalProperties",
        specifiedAs: { additionalProperties: false },
        additionalProperties: ["x", "y"],
      },
    ]);
    const typed = { properties: { a: {} }, additionalProperties: { bsonType: "int" } };
    expect(rules(typed, { a: "s", x: 1 })).toBeNull();
    expect(rules(typed, { a: "s", x: 1, y: "no" })).toEqual([
      {
        operatorName: "additionalProperties",
        reason: "at least one additional property did not match the subschema",
        failingProperty: "y",
        details: [bsonTypeMismatch("int", "no", "string")],
      },
    ]);
  });

  it("patternProperties", () => {
    const schema = { patternProperties: { "^x_": { bsonType: "string" } } };
    expect(rules(schema, { x_a: "ok", other: 1 })).toBeNull();
    expect(rules(schema, { x_a: "ok", x_b: 2 })).toEqual([
      {
        operatorName: "patternProperties",
        details: [
          {
            propertyName: "x_b",
            regexMatched: "^x_",
            details: [bsonTypeMismatch("string", 2, "int")],
          },
        ],
      },
    ]);
    // A property matched by a pattern is not "additional".
    expect(rules({ ...schema, additionalProperties: false }, { x_a: "ok" })).toBeNull();
  });

  it("items as one schema and as a list, and additionalItems", () => {
    expect(propertyDetails({ items: { bsonType: "string" } }, ["a", "b"])).toBeNull();
    expect(propertyDetails({ items: { bsonType: "string" } }, ["a", 2, 3])).toEqual([
      {
        operatorName: "items",
        reason: "At least one item did not match the sub-schema",
        itemIndex: 1,
        details: [bsonTypeMismatch("string", 2, "int")],
      },
    ]);
    const tuple = { items: [{ bsonType: "string" }, { bsonType: "int" }], additionalItems: false };
    expect(propertyDetails(tuple, ["a", 1])).toBeNull();
    expect(propertyDetails(tuple, [1, 1, "extra"])).toEqual([
      {
        operatorName: "items",
        details: [
          {
            itemIndex: 0,
            details: [bsonTypeMismatch("string", 1, "int")],
          },
        ],
      },
      {
        operatorName: "additionalItems",
        specifiedAs: { additionalItems: false },
        reason: "found additional items",
        additionalItems: ["extra"],
      },
    ]);
  });

  it("minItems/maxItems/uniqueItems", () => {
    expect(propertyDetails({ minItems: 1, maxItems: 2 }, ["a"])).toBeNull();
    expect(propertyDetails({ maxItems: 2 }, [1, 2, 3])).toEqual([
      {
        operatorName: "maxItems",
        specifiedAs: { maxItems: 2 },
        reason: "array did not match specified length",
        consideredValue: [1, 2, 3],
        numberOfItems: 3,
      },
    ]);
    expect(propertyDetails({ minItems: 1 }, [])?.[0]).toMatchObject({
      operatorName: "minItems",
      numberOfItems: 0,
    });
    expect(propertyDetails({ uniqueItems: true }, [1, 2, 3])).toBeNull();
    expect(
      propertyDetails({ uniqueItems: true }, [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ]),
    ).toEqual([
      {
        operatorName: "uniqueItems",
        specifiedAs: { uniqueItems: true },
        reason: "found a duplicate item",
        consideredValue: [
          { a: 1, b: 2 },
          { b: 2, a: 1 },
        ],
        duplicatedValue: { b: 2, a: 1 },
      },
    ]);
  });

  it("minProperties/maxProperties", () => {
    expect(rules({ minProperties: 2 }, { a: 1, b: 2 })).toBeNull();
    expect(rules({ maxProperties: 1 }, { a: 1, b: 2 })).toEqual([
      {
        operatorName: "maxProperties",
        specifiedAs: { maxProperties: 1 },
        reason: "specified number of properties was not satisfied",
        numberOfProperties: 2,
      },
    ]);
  });

  it("allOf/anyOf/oneOf/not", () => {
    const int = { bsonType: "int" };
    const positive = { minimum: 1 };
    expect(propertyDetails({ allOf: [int, positive] }, 3)).toBeNull();
    expect(propertyDetails({ allOf: [int, positive] }, 0)).toEqual([
      {
        operatorName: "allOf",
        schemasNotSatisfied: [
          {
            index: 1,
            details: [
              {
                operatorName: "minimum",
                specifiedAs: { minimum: 1 },
                reason: "comparison failed",
                consideredValue: 0,
              },
            ],
          },
        ],
      },
    ]);
    expect(propertyDetails({ anyOf: [{ bsonType: "string" }, int] }, 3)).toBeNull();
    expect(propertyDetails({ anyOf: [{ bsonType: "string" }, int] }, true)?.[0]).toMatchObject({
      operatorName: "anyOf",
      schemasNotSatisfied: [{ index: 0 }, { index: 1 }],
    });
    // 3 is an int and is at least 1: both branches match, which oneOf forbids.
    expect(propertyDetails({ oneOf: [int, positive] }, 3)).toEqual([
      { operatorName: "oneOf", reason: "more than one subschema matched", matchingSchemaIndexes: [0, 1] },
    ]);
    expect(propertyDetails({ oneOf: [int, positive] }, 0)).toBeNull();
    expect(propertyDetails({ not: int }, "s")).toBeNull();
    expect(propertyDetails({ not: int }, 3)).toEqual([
      { operatorName: "not", reason: "child expression matched" },
    ]);
  });

  it("ignores title/description for matching but reports them", () => {
    const schema = { properties: { p: { title: "Priority", description: "1 to 5", maximum: 5 } } };
    expect(rules(schema, { p: 9 })).toEqual([
      {
        operatorName: "properties",
        propertiesNotSatisfied: [
          {
            propertyName: "p",
            title: "Priority",
            description: "1 to 5",
            details: [
              {
                operatorName: "maximum",
                specifiedAs: { maximum: 5 },
                reason: "comparison failed",
                consideredValue: 9,
              },
            ],
          },
        ],
      },
    ]);
  });

  it("nests properties of sub-documents", () => {
    const schema = {
      properties: {
        owner: { bsonType: "object", required: ["name"], properties: { name: { bsonType: "string" } } },
      },
    };
    expect(rules(schema, { owner: { name: "ann" } })).toBeNull();
    expect(rules(schema, { owner: {} })).toEqual([
      {
        operatorName: "properties",
        propertiesNotSatisfied: [
          {
            propertyName: "owner",
            details: [
              { operatorName: "required", specifiedAs: { required: ["name"] }, missingProperties: ["name"] },
            ],
          },
        ],
      },
    ]);
  });

  it("gives scalar keywords no effect on the document itself", () => {
    expect(rules({ minLength: 5, minimum: 3, maxItems: 0 }, { a: 1 })).toBeNull();
  });
});
