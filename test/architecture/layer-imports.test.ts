import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { runCli } from "../operations/support/run-cli";
import { importsOf, resolveRelative, runtimeClosure, sourceFilesUnder } from "./support/import-graph";

const ROOT = resolve(__dirname, "../..");

/** The data layer and the CLI's database commands: they speak plain records (src/domain/). */
const DATA_LAYER = [
  "src/domain",
  "src/db",
  "src/repositories",
  "src/operations",
  "src/pipelines",
  "src/cli/db",
];

/** The GraphQL edge, which the data layer must neither import nor load. */
const EDGE_FOLDERS = ["schema", "resolvers"].map((folder) => join(ROOT, folder) + sep);

const isEdgeFile = (file: string): boolean => EDGE_FOLDERS.some((folder) => file.startsWith(folder));
const isTypeGraphql = (specifier: string): boolean =>
  specifier === "type-graphql" || specifier.startsWith("type-graphql/");
const shown = (file: string): string => relative(ROOT, file);

const dataLayerFiles = DATA_LAYER.flatMap((folder) => sourceFilesUnder(join(ROOT, folder)));

describe("layering: the data layer does not depend on the GraphQL schema", () => {
  it("finds the data layer's files (the walk below is not vacuous)", () => {
    for (const folder of DATA_LAYER) {
      expect(
        dataLayerFiles.some((file) => file.startsWith(join(ROOT, folder) + sep)),
        folder,
      ).toBe(true);
    }
  });

  it("no file of src/db, repositories, operations, pipelines, cli/db or domain imports type-graphql or schema/", () => {
    const offending: string[] = [];
    for (const file of dataLayerFiles) {
      for (const edge of importsOf(file)) {
        const target = resolveRelative(file, edge.specifier);
        if (isTypeGraphql(edge.specifier) || (target !== undefined && isEdgeFile(target))) {
          offending.push(`${shown(file)} imports "${edge.specifier}"`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it("nothing they load at run time, however indirectly, is type-graphql, schema/ or resolvers/", () => {
    const { files, packages } = runtimeClosure(dataLayerFiles);
    const edgeChains = [...files.entries()]
      .filter(([file]) => isEdgeFile(file))
      .map(([, chain]) => chain.map(shown).join(" → "));
    const typeGraphqlImporters = [...packages.entries()]
      .filter(([specifier]) => isTypeGraphql(specifier))
      .map(([, file]) => files.get(file)!.map(shown).join(" → "));
    expect(edgeChains).toEqual([]);
    expect(typeGraphqlImporters).toEqual([]);
  });

  it("the walk would notice: the gateway's start-up does reach type-graphql and schema/", () => {
    const { files, packages } = runtimeClosure([join(ROOT, "src/main.ts")]);
    expect([...files.keys()].some(isEdgeFile)).toBe(true);
    expect([...packages.keys()].some(isTypeGraphql)).toBe(true);
  });
});

describe("layering: `jupiter db archive` as an operator types it", () => {
  let t: TestDatabase;
  let scratch: string;
  beforeAll(async () => {
    t = await openTestDatabase("layer_archive");
    scratch = mkdtempSync(join(tmpdir(), "jupiter-loaded-modules-"));
  });
  afterAll(async () => {
    await t?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("runs without loading type-graphql or any file of schema/ or resolvers/", async () => {
    const report = join(scratch, "loaded.json");
    const run = await runCli(["db", "archive", "--dry-run"], {
      uri: t.uri,
      dbName: t.dbName,
      nodeArgs: ["--require", join(__dirname, "support/loaded-modules-probe.cjs")],
      extraEnv: { JUPITER_LOADED_MODULES_FILE: report },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/dry run: 0 cases would be archived/);
    const loaded = JSON.parse(readFileSync(report, "utf8")) as string[];
    // The probe sees the program's own modules: it would see type-graphql were it loaded.
    expect(loaded).toContain(join(ROOT, "src/operations/archive-cases.ts"));
    expect(loaded.filter((file) => file.includes(`${sep}node_modules${sep}type-graphql${sep}`))).toEqual([]);
    expect(loaded.filter(isEdgeFile).map(shown)).toEqual([]);
  });
});
