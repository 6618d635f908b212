import { describe, expect, it } from "vitest";
import { compileJsonSchema, compileValidator, ValidatorError } from "../../../src/embedded-mongo/validation";

function errorOf(run: () => unknown): { code: number; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidatorError)) throw error;
    return { code: error.code, message: error.errmsg };
  }
}

// Codes are mongod's json_schema_parser ones: FailedToParse 9, TypeMismatch 14, BadValue 2.
describe("validator compile errors", () => {
  it("refuses unknown and unsupported keywords", () => {
    expect(errorOf(() => compileJsonSchema({ bsonType: "object", maxLenght: 3 }))).toEqual({
      code: 9,
      message: "Unknown $jsonSchema keyword: maxLenght",
    });
    expect(errorOf(() => compileJsonSchema({ format: "email" }))?.code).toBe(9);
    expect(errorOf(() => compileJsonSchema({ properties: { a: { $ref: "#/x" } } }))?.code).toBe(9);
  });

  it("refuses type 'integer' and unknown type names", () => {
    expect(errorOf(() => compileJsonSchema({ properties: { n: { type: "integer" } } }))).toEqual({
      code: 9,
      message: "$jsonSchema type 'integer' is not currently supported.",
    });
    expect(errorOf(() => compileJsonSchema({ properties: { n: { bsonType: "integer" } } }))?.code).toBe(2);
    expect(errorOf(() => compileJsonSchema({ properties: { n: { type: "int" } } }))?.code).toBe(2);
    expect(errorOf(() => compileJsonSchema({ type: "object", bsonType: "object" }))?.code).toBe(9);
  });

  it("refuses keyword values of the wrong type or range", () => {
    expect(errorOf(() => compileJsonSchema({ required: "title" }))?.code).toBe(14);
    expect(errorOf(() => compileJsonSchema({ required: [] }))?.code).toBe(9);
    expect(errorOf(() => compileJsonSchema({ properties: { a: { minLength: -1 } } }))?.code).toBe(9);
    expect(errorOf(() => compileJsonSchema({ properties: { a: { maximum: "5" } } }))?.code).toBe(14);
    expect(errorOf(() => compileJsonSchema({ properties: { a: { exclusiveMinimum: true } } }))?.code).toBe(9);
    expect(errorOf(() => compileJsonSchema({ properties: { a: { enum: [] } } }))?.code).toBe(9);
    expect(errorOf(() => compileJsonSchema({ allOf: [] }))?.code).toBe(2);
    expect(errorOf(() => compileJsonSchema({ properties: { a: 5 } }))?.code).toBe(14);
    expect(errorOf(() => compileJsonSchema({ additionalProperties: "no" }))?.code).toBe(14);
    expect(errorOf(() => compileJsonSchema({ properties: { a: { pattern: "(" } } }))?.code).toBe(51091);
    expect(errorOf(() => compileJsonSchema("schema"))?.code).toBe(14);
  });

  it("refuses query features mongod bans from validators and unknown operators", () => {
    expect(errorOf(() => compileValidator({ $where: "true" }))?.code).toBe(224);
    expect(errorOf(() => compileValidator({ $or: [{ $text: { $search: "x" } }] }))?.code).toBe(224);
    expect(errorOf(() => compileValidator({ a: { $bogus: 1 } }))?.code).toBe(2);
    expect(errorOf(() => compileValidator({ $or: [] }))?.code).toBe(2);
  });

  it("accepts description and title anywhere", () => {
    expect(
      errorOf(() =>
        compileJsonSchema({ title: "Case", description: "d", properties: { a: { title: "A" } } }),
      ),
    ).toBeUndefined();
  });
});
