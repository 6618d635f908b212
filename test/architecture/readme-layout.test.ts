import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

/** The entries of the README's layout block: top-level ones and those under src/, as written. */
function layoutEntries(): { top: string[]; src: string[] } {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Layout"));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const top: string[] = [];
  const src: string[] = [];
  for (const line of block.split("\n")) {
    const topLevel = /^(\S+)\s/.exec(`${line} `)?.[1];
    const nested = /^ {2}(\S.*?)(?: {2,}|$)/.exec(line)?.[1];
    if (nested)
      src.push(
        ...nested
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean),
      );
    else if (topLevel && line.trim()) top.push(topLevel);
  }
  return { top, src };
}

describe("the README's layout section matches the tree", () => {
  const { top, src } = layoutEntries();

  it("reads the block (not vacuous)", () => {
    expect(top).toContain("src/");
    expect(src).toContain("main.ts");
  });

  it("names only files and folders that exist", () => {
    const missing = [...top, ...src.map((entry) => `src/${entry}`)].filter(
      (entry) => !existsSync(join(ROOT, entry)),
    );
    expect(missing).toEqual([]);
  });

  it("lists every folder and top-level module of src/", () => {
    const actual = readdirSync(join(ROOT, "src"))
      .filter((name) => !name.endsWith(".d.ts"))
      .map((name) => (statSync(join(ROOT, "src", name)).isDirectory() ? `${name}/` : name));
    expect(actual.filter((entry) => !src.includes(entry)).sort()).toEqual([]);
  });
});
