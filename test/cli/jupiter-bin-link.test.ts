import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT, runCommand } from "./support/run-command";

/**
 * The `jupiter` command as a user of the installed package runs it: from another
 * project whose node_modules holds the package and the `.bin/jupiter` link that npm
 * makes for its `bin` entry (the layout of `npm install`/`npm link`), through
 * `npm exec -- jupiter …`. There, process.argv[1] is …/node_modules/.bin/jupiter and
 * the working directory is not the package's.
 */
describe("jupiter through the package's bin link", () => {
  let project: string;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "jupiter-bin-"));
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "uses-jupiter", private: true }));
    await mkdir(join(project, "node_modules", ".bin"), { recursive: true });
    await symlink(REPO_ROOT, join(project, "node_modules", "jupiter-gateway"), "dir");
    await symlink("../jupiter-gateway/bin/jupiter.js", join(project, "node_modules", ".bin", "jupiter"));
  });

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  const jupiter = (...args: string[]) =>
    runCommand("npm", ["exec", "--offline", "--", "jupiter", ...args], { cwd: project });

  it("`npm exec -- jupiter --help` prints the commands and exits 0", async () => {
    const run = await jupiter("--help");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Usage: jupiter");
    for (const command of ["serve", "embedded-mongo", "db", "apikey", "mongod"]) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("a subcommand runs (before: nothing printed, exit 0)", async () => {
    const run = await jupiter("db", "--help");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Usage: jupiter db");
    expect(run.stdout).toContain("setup");
  });

  it("`npm exec -- jupiter db stats --json` runs against MONGODB_URI and prints its figures", async () => {
    const run = await runCommand("npm", ["exec", "--offline", "--", "jupiter", "db", "stats", "--json"], {
      cwd: project,
      env: {
        MONGODB_URI: inject("mongoUri"),
        MONGODB_DB: `test_bin_link_${process.pid}`,
        MONGODB_ENGINE: "",
      },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });

  it.each(["nope", "constructor", "__proto__", "toString", "hasOwnProperty"])(
    "`jupiter %s` is an unknown command: exit 1 with a clear message, no TypeError",
    async (name) => {
      const run = await jupiter(name);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`unknown command '${name}'`);
      expect(run.stderr).not.toMatch(/TypeError|at .*\.ts:\d+/);
    },
  );
});
