import { describe, expect, it } from "vitest";
import { compileValidator, validateDocument } from "../../../src/embedded-mongo/validation";

describe("query-expression validators", () => {
  it("checks a plain query with mingo and explains the failing operator", () => {
    const validator = compileValidator({ status: { $in: ["open", "closed"] } });
    expect(validateDocument(validator, { status: "open" })).toBeNull();
    expect(validateDocument(validator, { status: "lost" })).toEqual({
      operatorName: "$in",
      specifiedAs: { status: { $in: ["open", "closed"] } },
      reason: "no matching value found in array",
      consideredValue: "lost",
    });
    expect(validateDocument(validator, {})).toEqual({
      operatorName: "$in",
      specifiedAs: { status: { $in: ["open", "closed"] } },
      reason: "field was missing",
    });
  });

  it("combines $jsonSchema with other clauses as an implicit $and", () => {
    const validator = compileValidator({
      $jsonSchema: { required: ["title"] },
      priority: { $gte: 1, $lte: 5 },
    });
    expect(validateDocument(validator, { title: "t", priority: 3 })).toBeNull();
    // Clause 0 is the schema, 1 is $gte, 2 is $lte: the schema and $lte fail.
    expect(validateDocument(validator, { priority: 9 })).toEqual({
      operatorName: "$and",
      clausesNotSatisfied: [
        {
          index: 0,
          details: {
            operatorName: "$jsonSchema",
            schemaRulesNotSatisfied: [
              {
                operatorName: "required",
                specifiedAs: { required: ["title"] },
                missingProperties: ["title"],
              },
            ],
          },
        },
        {
          index: 2,
          details: {
            operatorName: "$lte",
            specifiedAs: { priority: { $lte: 5 } },
            reason: "comparison failed",
            consideredValue: 9,
          },
        },
      ],
    });
  });

  it("explains $or, $nor, $ne, $exists and $expr", () => {
    const or = compileValidator({ $or: [{ a: 1 }, { b: { $exists: true } }] });
    expect(validateDocument(or, { b: 2 })).toBeNull();
    expect(validateDocument(or, { a: 2 })).toEqual({
      operatorName: "$or",
      clausesNotSatisfied: [
        {
          index: 0,
          details: {
            operatorName: "$eq",
            specifiedAs: { a: 1 },
            reason: "comparison failed",
            consideredValue: 2,
          },
        },
        {
          index: 1,
          details: {
            operatorName: "$exists",
            specifiedAs: { b: { $exists: true } },
            reason: "path does not exist",
          },
        },
      ],
    });

    const nor = compileValidator({ $nor: [{ deleted: true }] });
    expect(validateDocument(nor, { deleted: true })).toEqual({
      operatorName: "$nor",
      clausesNotSatisfied: [
        {
          index: 0,
          details: {
            operatorName: "$eq",
            specifiedAs: { deleted: true },
            reason: "comparison succeeded",
            consideredValue: true,
          },
        },
      ],
    });

    expect(validateDocument(compileValidator({ state: { $ne: "x" } }), { state: "x" })).toEqual({
      operatorName: "$ne",
      specifiedAs: { state: { $ne: "x" } },
      reason: "comparison succeeded",
      consideredValue: "x",
    });

    const expr = compileValidator({ $expr: { $lt: ["$opened", "$closed"] } });
    expect(validateDocument(expr, { opened: 1, closed: 2 })).toBeNull();
    expect(validateDocument(expr, { opened: 3, closed: 2 })).toEqual({
      operatorName: "$expr",
      specifiedAs: { $expr: { $lt: ["$opened", "$closed"] } },
      reason: "expression did not match",
      expressionResult: false,
    });
  });

  it("supports $jsonSchema inside $or", () => {
    const validator = compileValidator({ $or: [{ $jsonSchema: { required: ["a"] } }, { b: 1 }] });
    expect(validateDocument(validator, { a: 0 })).toBeNull();
    expect(validateDocument(validator, { b: 1 })).toBeNull();
    expect(validateDocument(validator, { c: 1 })).not.toBeNull();
  });

  it("lists array elements as consideredValues and reports type mismatches", () => {
    expect(validateDocument(compileValidator({ tags: "urgent" }), { tags: ["a", "b"] })).toEqual({
      operatorName: "$eq",
      specifiedAs: { tags: "urgent" },
      reason: "comparison failed",
      consideredValues: ["a", "b"],
    });
    expect(validateDocument(compileValidator({ tags: { $size: 2 } }), { tags: "a" })).toEqual({
      operatorName: "$size",
      specifiedAs: { tags: { $size: 2 } },
      reason: "type did not match",
      consideredType: "string",
      expectedType: "array",
      consideredValue: "a",
    });
  });

  it("accepts everything with an empty validator", () => {
    expect(validateDocument(compileValidator({}), { any: "thing" })).toBeNull();
  });
});
