import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtSchemaSdl, builtSchemaSdlContaining } from "../helpers/built-schema-sdl";

// The committed SDL is the public contract that clients and codegen read.

describe("schema/schema.graphql", () => {
  it("matches the schema the code builds (if not: run npm run schema:emit)", async () => {
    const committed = readFileSync(path.join(__dirname, "../../schema/schema.graphql"), "utf8");
    const built = await builtSchemaSdl();
    expect(built === committed, "schema/schema.graphql is stale: run npm run schema:emit and commit it").toBe(
      true,
    );
  });

  it("keeps the published contract of the queries", async () => {
    await builtSchemaSdlContaining([
      "case(id: ID!): Case",
      "alert(id: ID!): Alert",
      "user(id: ID!): User",
      "caseStatistics(filter: CaseStatisticsFilter): [CaseStatistic!]!",
      "first: Int = 20",
      "granularity: TrendGranularity = DAY",
      'timezone: String = "UTC"',
      "fillGaps: Boolean = true",
      "resolved: Boolean = false",
      "field: CaseOrderField = CREATED_AT",
      "direction: SortDirection = DESC",
    ]);
  });
});
