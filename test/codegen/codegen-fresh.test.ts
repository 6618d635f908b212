import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";
import { buildSchema, type GraphQLSchema, Kind, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA_FILE = path.join(ROOT, "schema", "schema.graphql");
const OPERATIONS_DIR = path.join(ROOT, "clients", "operations");
const GENERATED_KEY = "clients/generated/";
const GENERATED_DIR = path.join(ROOT, GENERATED_KEY);

const EXPECTED_OPERATIONS = [
  "CaseDetail",
  "CasesPage",
  "DashboardAlertMetrics",
  "DashboardAlertTrends",
  "DashboardAlertTrendsLive",
  "DashboardCaseBacklog",
  "DashboardCaseMetrics",
  "DashboardCaseStatistics",
  "DashboardSeverityBreakdown",
  "MetricRowDrillDown",
  "SearchCases",
  "UpdateCaseStatus",
  "UsersPage",
];

describe("client codegen", () => {
  let schema: GraphQLSchema;
  let scratch: string | undefined;

  beforeAll(async () => {
    if (!existsSync(SCHEMA_FILE)) {
      throw new Error(
        "schema/schema.graphql is missing: emit the gateway schema first, then run npm run codegen",
      );
    }
    schema = buildSchema(await readFile(SCHEMA_FILE, "utf8"));
  });

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("has every client operation, each valid against schema/schema.graphql", async () => {
    const names: string[] = [];
    for (const file of (await readdir(OPERATIONS_DIR)).filter((name) => name.endsWith(".graphql")).sort()) {
      const document = parse(await readFile(path.join(OPERATIONS_DIR, file), "utf8"));
      expect(
        validate(schema, document).map((error) => error.message),
        `${file} is invalid against the schema`,
      ).toEqual([]);
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION)
          names.push(definition.name?.value ?? `(anonymous in ${file})`);
      }
    }
    expect(names.sort()).toEqual(EXPECTED_OPERATIONS);
  });

  it("has clients/generated/ byte for byte as a fresh codegen run makes it", async () => {
    const { config } = await loadCodegenConfig({ configFilePath: path.join(ROOT, "codegen.yml") });
    const { [GENERATED_KEY]: target, ...others } = config.generates;
    expect(target, `codegen.yml must generate ${GENERATED_KEY}`).toBeDefined();
    expect(Object.keys(others)).toEqual([]);

    // Same config, only the output folder moved, so the committed files stay untouched.
    scratch = await mkdtemp(path.join(tmpdir(), "jupiter-codegen-"));
    await generate({ ...config, cwd: ROOT, silent: true, generates: { [`${scratch}/`]: target! } }, true);

    const fresh = await listFiles(scratch);
    const committed = existsSync(GENERATED_DIR) ? await listFiles(GENERATED_DIR) : [];
    expect(fresh).toContain("persisted-documents.json");
    const stale = [
      ...fresh.filter((file) => !committed.includes(file)).map((file) => `${file} (missing)`),
      ...committed.filter((file) => !fresh.includes(file)).map((file) => `${file} (no longer generated)`),
    ];
    for (const file of fresh.filter((name) => committed.includes(name))) {
      const [now, before] = await Promise.all([
        readFile(path.join(scratch, file)),
        readFile(path.join(GENERATED_DIR, file)),
      ]);
      if (!now.equals(before)) stale.push(`${file} (differs)`);
    }
    expect(stale, "clients/generated/ is stale: run npm run codegen").toEqual([]);
  });
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
