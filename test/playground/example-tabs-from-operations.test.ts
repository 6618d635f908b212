import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleQueries, loadExampleQueries } from "../../src/playground/example-queries";

const OPERATIONS_DIR = path.resolve(__dirname, "../../clients/operations");

/** The operation name of a document, read with a regular expression rather than the loader's parser. */
function operationName(text: string): string {
  const match = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(text);
  if (!match) throw new Error("no named operation");
  return match[1]!;
}

// Subscriptions run over WebSocket, which the playground's POST fetcher does not speak: no tab.
const operationFiles = readdirSync(OPERATIONS_DIR)
  .filter((file) => file.endsWith(".graphql"))
  .filter((file) => !/^\s*subscription\s/m.test(readFileSync(path.join(OPERATIONS_DIR, file), "utf8")))
  .sort();

// The playground's tabs are the client operations themselves, not a copy of them.
describe("playground tabs come from clients/operations/", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "jupiter-operations-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("has one tab per operation file, holding the file's text", () => {
    expect(operationFiles.length).toBeGreaterThan(0);
    const expected = new Map(
      operationFiles.map((file) => {
        const text = readFileSync(path.join(OPERATIONS_DIR, file), "utf8");
        return [operationName(text), text] as const;
      }),
    );
    expect(new Map(exampleQueries.map((example) => [example.name, example.query]))).toEqual(expected);
  });

  it("opens on CasesPage and takes each tab's variables from <file>.variables.json", () => {
    expect(exampleQueries[0]?.name).toBe("CasesPage");
    for (const file of operationFiles) {
      const text = readFileSync(path.join(OPERATIONS_DIR, file), "utf8");
      const tab = exampleQueries.find((example) => example.name === operationName(text));
      const variablesFile = path.join(OPERATIONS_DIR, file.replace(/\.graphql$/, ".variables.json"));
      const expected = readdirSync(OPERATIONS_DIR).includes(path.basename(variablesFile))
        ? JSON.parse(readFileSync(variablesFile, "utf8"))
        : undefined;
      expect(tab?.variables, file).toEqual(expected);
    }
  });

  it("shows an operation added to the folder as a tab of its own, without variables when it has none", () => {
    cpSync(OPERATIONS_DIR, scratch, { recursive: true });
    const added =
      "# A new dashboard panel.\nquery NewPanel {\n  alertSeverityBreakdown {\n    severity\n    count\n  }\n}\n";
    writeFileSync(path.join(scratch, "new-panel.graphql"), added);
    const tabs = loadExampleQueries(scratch);
    expect(tabs.map((tab) => tab.name).sort()).toEqual(
      [...exampleQueries.map((example) => example.name), "NewPanel"].sort(),
    );
    expect(tabs.find((tab) => tab.name === "NewPanel")).toEqual({ name: "NewPanel", query: added });
  });

  it("refuses a file without a named operation, naming it", () => {
    const dir = mkdtempSync(path.join(scratch, "anonymous-"));
    writeFileSync(path.join(dir, "anonymous.graphql"), "{ alertSeverityBreakdown { count } }\n");
    expect(() => loadExampleQueries(dir)).toThrow(/anonymous\.graphql: expected one named operation/);
  });
});
