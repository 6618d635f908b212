import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, resolveRelative, sourceFilesUnder } from "./support/import-graph";

const ROOT = resolve(__dirname, "../..");

/**
 * What each lower layer of src/ may import besides itself: only what lies below it
 * (HTTP → context → resolvers → loaders → repositories/pipelines/operations → db → domain).
 * A layer missing from a list is above it, or beside it.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  "src/domain": [],
  "src/errors": [],
  "src/time": [],
  "src/db": ["src/domain", "src/errors", "src/embedded-mongo"],
  "src/workflow": ["src/domain", "src/errors"],
  "src/pipelines": ["src/domain", "src/errors", "src/time"],
  "src/seed": ["src/domain", "src/db"],
  "src/operations": ["src/domain", "src/errors", "src/db", "src/seed"],
  "src/repositories": [
    "src/domain",
    "src/errors",
    "src/db",
    "src/audit",
    "src/validation",
    "src/workflow",
    "src/pipelines",
  ],
  "src/loaders": ["src/domain", "src/db", "src/repositories"],
  // Authentication comes before the protections (which read the caller it found).
  "src/auth": ["src/domain", "src/errors", "src/db", "src/config.ts"],
};

/**
 * The layer a file belongs to: its folder under src/, a file directly in src/ (config.ts,
 * server.ts …) on its own, or its top folder elsewhere.
 */
function layerOf(file: string): string {
  const parts = relative(ROOT, file).split(sep);
  if (parts[0] === "src") return parts.length > 2 ? `src/${parts[1]}` : parts.join("/");
  return parts.slice(0, -1).join("/") || parts[0]!;
}

describe("layering: each layer reaches only down", () => {
  for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${layer} imports only ${allowed.length > 0 ? allowed.join(", ") : "itself"}`, () => {
      const files = sourceFilesUnder(join(ROOT, layer));
      expect(files.length).toBeGreaterThan(0);
      const upward: string[] = [];
      for (const file of files) {
        for (const edge of importsOf(file)) {
          const target = resolveRelative(file, edge.specifier);
          if (target === undefined) continue;
          const targetLayer = layerOf(target);
          if (targetLayer !== layer && !allowed.includes(targetLayer)) {
            upward.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
          }
        }
      }
      expect(upward).toEqual([]);
    });
  }

  it("notices an upward import (the check is not vacuous)", () => {
    const context = join(ROOT, "src/context.ts");
    const targets = importsOf(context).map((edge) => resolveRelative(context, edge.specifier));
    expect(targets.filter((target) => target !== undefined).map((target) => layerOf(target!))).toContain(
      "src/loaders",
    );
  });
});
