import { ObjectId } from "bson";
import { describe, expect, it } from "vitest";
import {
  compileJsonSchema,
  documentValidationError,
  documentValidationFailure,
  validateDocument,
} from "../../../src/embedded-mongo/validation";
import { bsonTypeMismatch } from "./support/bson-type-mismatch";

// The data model's validator for the cases collection.
const casesSchema = {
  bsonType: "object",
  required: ["title", "status", "severity", "created_at"],
  properties: {
    title: { bsonType: "string", minLength: 1, maxLength: 200 },
    status: { enum: ["open", "in_progress", "resolved", "closed"] },
    severity: { enum: ["low", "medium", "high", "critical"] },
    assignee: { bsonType: ["objectId", "null"] },
    created_at: { bsonType: "date" },
  },
};
const validator = compileJsonSchema(casesSchema);
const valid = {
  _id: new ObjectId(),
  title: "Checkout latency",
  status: "open",
  severity: "high",
  assignee: null,
  created_at: new Date("2024-05-01T00:00:00Z"),
};

describe("cases validator", () => {
  it("accepts a complete case, with or without an assignee", () => {
    expect(validateDocument(validator, valid)).toBeNull();
    expect(validateDocument(validator, { ...valid, assignee: new ObjectId() })).toBeNull();
    const { assignee: _assignee, ...unassigned } = valid;
    expect(validateDocument(validator, unassigned)).toBeNull();
  });

  it("reports every violation together, naming property and rule", () => {
    const longTitle = "t".repeat(201);
    const doc = { _id: 7, title: longTitle, status: "pending", assignee: "bob" };
    expect(validateDocument(validator, doc)).toEqual({
      operatorName: "$jsonSchema",
      schemaRulesNotSatisfied: [
        {
          operatorName: "properties",
          propertiesNotSatisfied: [
            {
              propertyName: "title",
              details: [
                {
                  operatorName: "maxLength",
                  specifiedAs: { maxLength: 200 },
                  reason: "specified string length was not satisfied",
                  consideredValue: longTitle,
                },
              ],
            },
            {
              propertyName: "status",
              details: [
                {
                  operatorName: "enum",
                  specifiedAs: { enum: ["open", "in_progress", "resolved", "closed"] },
                  reason: "value was not found in enum",
                  consideredValue: "pending",
                },
              ],
            },
            {
              propertyName: "assignee",
              details: [bsonTypeMismatch(["objectId", "null"], "bob", "string")],
            },
          ],
        },
        {
          operatorName: "required",
          specifiedAs: { required: ["title", "status", "severity", "created_at"] },
          missingProperties: ["severity", "created_at"],
        },
      ],
    });
  });

  it("reports a wrong type without also reporting the length rule", () => {
    const details = validateDocument(validator, { ...valid, title: 42 });
    expect(details).toEqual({
      operatorName: "$jsonSchema",
      schemaRulesNotSatisfied: [
        {
          operatorName: "properties",
          propertiesNotSatisfied: [
            {
              propertyName: "title",
              details: [bsonTypeMismatch("string", 42, "int")],
            },
          ],
        },
      ],
    });
  });

  it("rejects an empty title and a string date", () => {
    const details = validateDocument(validator, { ...valid, title: "", created_at: "2024-05-01" });
    const [properties] = details?.schemaRulesNotSatisfied as {
      propertiesNotSatisfied: { propertyName: string }[];
    }[];
    expect(properties.propertiesNotSatisfied.map((entry) => entry.propertyName)).toEqual([
      "title",
      "created_at",
    ]);
  });

  it("wraps details into mongod's code 121 error", () => {
    const doc = { _id: 7, title: "x", status: "open", severity: "low" };
    const details = validateDocument(validator, doc);
    expect(details).not.toBeNull();
    expect(documentValidationFailure).toEqual({
      code: 121,
      codeName: "DocumentValidationFailure",
      errmsg: "Document failed validation",
    });
    expect(documentValidationError(doc, details!)).toEqual({
      code: 121,
      codeName: "DocumentValidationFailure",
      errmsg: "Document failed validation",
      errInfo: { failingDocumentId: 7, details },
    });
  });
});
