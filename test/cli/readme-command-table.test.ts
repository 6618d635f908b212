import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/run-command";

/**
 * Every command of the README's "Commands" table is run somewhere in the suite, as a
 * user types it (npm, npx jupiter, or node bin/jupiter.js through
 * test/operations/support/run-cli.ts, the same program without npx's lookup, which
 * jupiter-bin-link.test.ts covers). This table says where; the test checks that the
 * README and the table agree and that each named file really contains the invocation.
 * A few commands cannot run inside the suite; the reason is written next to them.
 */
const WHERE: Record<string, { file: string; invocation: string } | { notRun: string }> = {
  "npm start": { file: "test/cli/offline-start.test.ts", invocation: 'startCommand("npm", ["start"]' },
  "npx jupiter serve": { file: "test/cli/serve-command.test.ts", invocation: '["jupiter", "serve"]' },
  "npm test": { notRun: "it is the suite itself (typecheck, lint, format check, then vitest)" },
  "npx jupiter embedded-mongo": {
    file: "test/cli/offline-start.test.ts",
    invocation: '["jupiter", "embedded-mongo", "--port", "0"]',
  },
  "npx jupiter mongod download": {
    file: "test/cli/offline-start.test.ts",
    invocation: '["jupiter", "mongod", "download"]',
  },
  "npx jupiter mongod where": {
    file: "test/cli/offline-start.test.ts",
    invocation: '["jupiter", "mongod", "where"]',
  },
  "npx jupiter apikey create": {
    file: "test/auth/credentials.test.ts",
    invocation: 'runCli(["apikey", "create"',
  },
  "npx jupiter apikey list": {
    file: "test/auth/credentials.test.ts",
    invocation: 'runCli(["apikey", "list"]',
  },
  "npx jupiter apikey revoke": {
    file: "test/auth/credentials.test.ts",
    invocation: 'runCli(["apikey", "revoke"',
  },
  "npx jupiter db setup": {
    file: "test/operations/setup-database.test.ts",
    invocation: 'runCli(["db", "setup"]',
  },
  "npx jupiter db migrate": {
    file: "test/operations/migration-runner.test.ts",
    invocation: 'runCli(["db", "migrate"',
  },
  "npx jupiter db seed": {
    file: "test/operations/seed-database.test.ts",
    invocation: 'runCli(["db", "seed"',
  },
  "npx jupiter db archive": {
    file: "test/operations/archive-cases.test.ts",
    invocation: 'runCli(["db", "archive"',
  },
  "npx jupiter db cleanup": {
    file: "test/operations/cleanup-orphans.test.ts",
    invocation: 'runCli(["db", "cleanup"',
  },
  "npx jupiter db backup": {
    file: "test/operations/backup-restore.test.ts",
    invocation: 'runCli(["db", "backup"',
  },
  "npx jupiter db restore": {
    file: "test/operations/backup-restore.test.ts",
    invocation: 'runCli(["db", "restore"',
  },
  "npx jupiter db stats": {
    file: "test/cli/offline-start.test.ts",
    invocation: '["jupiter", "db", "stats"]',
  },
  "npx jupiter db rollups rebuild": {
    file: "test/rollups/rollups-cli.test.ts",
    invocation: 'jupiter(["db", "rollups", "rebuild"]',
  },
  "npx jupiter db rollups status": {
    file: "test/rollups/rollups-cli.test.ts",
    invocation: 'jupiter(["db", "rollups", "status"]',
  },
  "npm run schema:emit": {
    notRun:
      "it rewrites the committed schema/schema.graphql in place, which test files running alongside read; " +
      "test/gateway/schema-file.test.ts checks that its output equals the committed file",
  },
  "npm run codegen": {
    notRun:
      "it rewrites the committed clients/generated/ in place; test/codegen/codegen-fresh.test.ts runs the " +
      "same generator with the same codegen.yml into a scratch folder and compares",
  },
  "npm run build:playground": {
    file: "test/cli/build-playground-command.test.ts",
    invocation: '["run", "build:playground", "--", outDir]',
  },
  "npm run bench:engine": {
    file: "test/bench/bench-smoke.test.ts",
    invocation: 'runCommand("npm", ["run", script]',
  },
  "npm run bench:gateway": {
    file: "test/bench/bench-smoke.test.ts",
    invocation: 'runCommand("npm", ["run", script]',
  },
  "npm run bench:dashboards": {
    file: "test/bench/bench-smoke.test.ts",
    invocation: 'runCommand("npm", ["run", script]',
  },
  "npm run bench:change-streams": {
    file: "test/bench/bench-smoke.test.ts",
    invocation: 'runCommand("npm", ["run", script]',
  },
  "npm run bench:group-commit": {
    file: "test/bench/bench-smoke.test.ts",
    invocation: 'runCommand("npm", ["run", script]',
  },
  "npm run bench:live": {
    file: "test/bench/bench-smoke.test.ts",
    invocation: 'runCommand("npm", ["run", script]',
  },
  "npm run bench:overload": {
    file: "test/bench/bench-smoke.test.ts",
    invocation: 'runCommand("npm", ["run", script]',
  },
  "npm run test:fuzz": {
    notRun:
      "it runs the fuzz test of the suite (test/faults/fuzzed-input.test.ts, 10,000 inputs) alone; " +
      "the suite runs the same test",
  },
  "npm run lint": { notRun: "`npm test` runs it (npm run check) before the suite" },
  "npm run format": {
    notRun: "it rewrites the tree; `npm test` runs its read-only twin, npm run format:check",
  },
};

/** The commands of the README's table: `npx jupiter db setup`, `npm run codegen`, … */
function readmeCommands(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const table = readme.slice(
    readme.indexOf("## Commands"),
    readme.indexOf("\n## ", readme.indexOf("## Commands") + 1),
  );
  const commands: string[] = [];
  for (const line of table.split("\n")) {
    if (!line.startsWith("| `")) continue;
    const firstCell = line.slice(1, line.indexOf(" | "));
    let parent = "";
    for (const [, span] of firstCell.matchAll(/`([^`]+)`/g)) {
      // The words before the first option or placeholder: `npx jupiter db seed [--users N]` → "npx jupiter db seed".
      const words: string[] = [];
      for (const word of span!.split(" ")) {
        if (/^[[-]|^[A-Z]+$/.test(word)) break;
        words.push(word);
      }
      // `list` after `npx jupiter apikey create …` means `npx jupiter apikey list`.
      const command = /^(npm|npx)$/.test(words[0]!) ? words.join(" ") : `${parent} ${words.join(" ")}`;
      if (/^(npm|npx)$/.test(words[0]!)) parent = words.slice(0, -1).join(" ");
      commands.push(command);
    }
  }
  return commands;
}

describe("the README's command table", () => {
  const commands = readmeCommands();

  it("lists the commands this test knows where to find", () => {
    expect(commands.length).toBeGreaterThan(20);
    expect([...commands].sort()).toEqual(Object.keys(WHERE).sort());
  });

  it.each(Object.entries(WHERE))("%s is run by the suite, or says why not", (_command, where) => {
    if ("notRun" in where) {
      expect(where.notRun.length).toBeGreaterThan(20);
      return;
    }
    expect(readFileSync(join(REPO_ROOT, where.file), "utf8")).toContain(where.invocation);
  });
});
