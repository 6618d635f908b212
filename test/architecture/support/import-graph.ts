import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";

/** One import of a source file: what it names, and whether it is erased at compile time. */
export interface ImportEdge {
  specifier: string;
  typeOnly: boolean;
}

/**
 * The imports of a TypeScript file, read with the TypeScript parser (not with the code
 * under test): import and export declarations, `require("…")` and `import("…")` calls.
 * `import type`, and imports whose every name is `type`, are marked typeOnly: they load
 * nothing at run time.
 */
export function importsOf(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allNamedTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly);
      edges.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: clause?.isTypeOnly === true || allNamedTypes,
      });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      edges.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0]!)
    ) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === "require";
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) {
        edges.push({ specifier: (node.arguments[0] as ts.StringLiteral).text, typeOnly: false });
      }
    } else if (ts.isImportTypeNode(node)) {
      return; // `typeof import("…")` names a type only
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** The file a relative specifier names (`.ts`, or `index.ts` of a folder); undefined for a package. */
export function resolveRelative(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, join(base, "index.ts"), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${fromFile}: cannot resolve "${specifier}"`);
}

/** Every .ts file below a folder. */
export function sourceFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(folder, name))
    .sort();
}

/**
 * What the files load at run time, transitively: each reached source file with the chain
 * of imports that reached it, and each package specifier with the file that names it.
 */
export function runtimeClosure(roots: readonly string[]): {
  files: Map<string, string[]>;
  packages: Map<string, string>;
} {
  const files = new Map<string, string[]>(roots.map((root) => [root, [root]]));
  const packages = new Map<string, string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const edge of importsOf(file)) {
      if (edge.typeOnly) continue;
      const target = resolveRelative(file, edge.specifier);
      if (target === undefined) {
        if (!packages.has(edge.specifier)) packages.set(edge.specifier, file);
        continue;
      }
      if (files.has(target)) continue;
      files.set(target, [...files.get(file)!, target]);
      queue.push(target);
    }
  }
  return { files, packages };
}
