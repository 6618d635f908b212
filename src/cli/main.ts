import { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Subcommands, loaded on demand: each pulls in a different part of the project (the
 * gateway, the engine, the operations), and a CLI run should load only its own.
 * A Map, not an object literal: `jupiter constructor` or `jupiter __proto__` must not
 * find a prototype member and call it.
 */
// require(), not import: loading on demand is the point of this table.
/* eslint-disable @typescript-eslint/no-require-imports */
const SUBCOMMANDS = new Map<string, () => Register>([
  ["serve", () => (require("./serve.command") as typeof import("./serve.command")).registerServeCommand],
  [
    "embedded-mongo",
    () =>
      (require("./embedded-mongo.command") as typeof import("./embedded-mongo.command"))
        .registerEmbeddedMongoCommand,
  ],
  ["db", () => (require("./db.command") as typeof import("./db.command")).registerDbCommand],
  ["apikey", () => (require("./apikey.command") as typeof import("./apikey.command")).registerApikeyCommand],
  ["mongod", () => (require("./mongod.command") as typeof import("./mongod.command")).registerMongodCommand],
]);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The `jupiter` command: one program, one subcommand per operation. Only the
 * requested subcommand is loaded; an unknown one loads them all so that commander
 * can refuse it ("unknown command") and list the real ones.
 */
export function buildCli(argv: readonly string[] = process.argv): Command {
  const program = new Command("jupiter")
    .description("Jupiter Gateway: GraphQL analytics gateway over MongoDB")
    .showHelpAfterError()
    .exitOverride();
  const requested = argv[2];
  const known = requested !== undefined ? SUBCOMMANDS.get(requested) : undefined;
  const registers = known ? [known] : [...SUBCOMMANDS.values()];
  for (const register of registers) register()(program);
  return program;
}

/**
 * Runs the `jupiter` command on `argv` (process.argv by default). bin/jupiter.js
 * calls it: whichever path started the process (`node bin/jupiter.js`, npx,
 * node_modules/.bin/jupiter, a global install), the command runs. Resolves with the
 * exit code (0 done, 1 failed, or the code a subcommand set) and sets process.exitCode.
 */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  try {
    await buildCli(argv).parseAsync([...argv]);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    // commander has printed its own message (unknown command, missing option, --help).
    if (typeof code === "number") {
      process.exitCode = code;
      return code;
    }
    console.error(`jupiter: ${(error as Error).message}`);
    process.exitCode = 1;
    return 1;
  }
  return typeof process.exitCode === "number" ? process.exitCode : 0;
}
