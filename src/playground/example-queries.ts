import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { getOperationAST, parse } from "graphql";
import type { ExampleQuery } from "./example-query";

/** The client operations that codegen types (codegen.yml): the playground shows the same documents. */
export const CLIENT_OPERATIONS_DIR = resolve(__dirname, "../../clients/operations");

/** The tab the playground opens on; the others follow in file-name order. */
const OPENING_TAB = "CasesPage";

/**
 * One tab per `*.graphql` file of `dir` but subscriptions, named after its operation, with the example
 * variables of `<file>.variables.json` beside it where there is one. An operation added
 * there becomes a tab by itself; a file without a named operation is an error at start.
 */
export function loadExampleQueries(dir: string = CLIENT_OPERATIONS_DIR): ExampleQuery[] {
  const examples = readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => {
      const query = readFileSync(join(dir, file), "utf8");
      const operation = getOperationAST(parse(query));
      const name = operation?.name?.value;
      if (!name) throw new Error(`${join(dir, file)}: expected one named operation`);
      // The playground sends over POST: subscriptions (WebSocket only) would always fail there.
      if (operation.operation === "subscription") return undefined;
      const variablesFile = join(dir, `${basename(file, ".graphql")}.variables.json`);
      const variables = existsSync(variablesFile)
        ? (JSON.parse(readFileSync(variablesFile, "utf8")) as Record<string, unknown>)
        : undefined;
      return { name, query, ...(variables ? { variables } : {}) };
    })
    .filter((example) => example !== undefined);
  const opening = examples.filter((example) => example.name === OPENING_TAB);
  return [...opening, ...examples.filter((example) => example.name !== OPENING_TAB)];
}

/** The playground's default tabs: the client operations of clients/operations/. */
export const exampleQueries: readonly ExampleQuery[] = loadExampleQueries();
