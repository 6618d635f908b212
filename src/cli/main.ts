import { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Subcommands, loaded on demand: each pulls in a different part of the project (the
 * gateway, the engine, the operations), and a CLI run should load only its own.
 */
// require(), not import: loading on demand is the point of this table.
/* eslint-disable @typescript-eslint/no-require-imports */
const SUBCOMMANDS: Record<string, () => Register> = {
  serve: () => (require("./serve.command") as typeof import("./serve.command")).registerServeCommand,
  "embedded-mongo": () =>
    (require("./embedded-mongo.command") as typeof import("./embedded-mongo.command"))
      .registerEmbeddedMongoCommand,
  db: () => (require("./db.command") as typeof import("./db.command")).registerDbCommand,
  apikey: () => (require("./apikey.command") as typeof import("./apikey.command")).registerApikeyCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The `jupiter` command: one program, one subcommand per operation. */
export function buildCli(argv: readonly string[] = process.argv): Command {
  const program = new Command("jupiter")
    .description("Jupiter Gateway: GraphQL analytics gateway over MongoDB")
    .showHelpAfterError()
    .exitOverride();
  const requested = argv[2];
  const names = requested && requested in SUBCOMMANDS ? [requested] : Object.keys(SUBCOMMANDS);
  for (const name of names) SUBCOMMANDS[name]!()(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildCli().parseAsync(process.argv);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    if (typeof code === "number") process.exit(code);
    console.error(`jupiter: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (require.main === module || process.argv[1]?.endsWith("jupiter.js")) {
  void main();
}
