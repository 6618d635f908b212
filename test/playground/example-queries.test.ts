import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  buildSchema,
  getOperationAST,
  getVariableValues,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleQueries } from "../../src/playground/example-queries";

const SCHEMA_FILE = path.resolve(__dirname, "../../schema/schema.graphql");

// The playground's tabs are the API's first impression: they must run as shipped.
describe("playground example queries", () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    if (!existsSync(SCHEMA_FILE))
      throw new Error("schema/schema.graphql is missing: emit the gateway schema first");
    schema = buildSchema(await readFile(SCHEMA_FILE, "utf8"));
  });

  it("covers each area of the API once, by operation name", () => {
    const names = exampleQueries.map((example) => example.name);
    expect(new Set(names).size).toBe(names.length);
    for (const example of exampleQueries) {
      expect(getOperationAST(parse(example.query))?.name?.value).toBe(example.name);
    }
  });

  it.each(exampleQueries.map((example) => [example.name, example] as const))(
    "%s is valid against schema/schema.graphql, variables included",
    (_name, example) => {
      const document = parse(example.query);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      const operation = getOperationAST(document);
      const coerced = getVariableValues(
        schema,
        operation?.variableDefinitions ?? [],
        example.variables ?? {},
      );
      expect(coerced.errors?.map((error) => error.message) ?? []).toEqual([]);
    },
  );
});
