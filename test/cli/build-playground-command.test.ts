import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "./support/run-command";

/** `npm run build:playground -- DIR`, as the README shows it: a fresh bundle in DIR. */
describe("npm run build:playground -- DIR", () => {
  let parent: string | undefined;

  afterAll(async () => {
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it("writes the playground bundle into the folder and names it", async () => {
    parent = await mkdtemp(join(tmpdir(), "jupiter-playground-"));
    const outDir = join(parent, "bundle");
    const run = await runCommand("npm", ["run", "build:playground", "--", outDir], { timeoutMs: 240_000 });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain(`playground bundle: ${outDir}`);
    expect(existsSync(outDir)).toBe(true);
    const files = readdirSync(outDir, { recursive: true }).map(String);
    expect(files.some((file) => file.endsWith(".js"))).toBe(true);
  }, 250_000);
});
