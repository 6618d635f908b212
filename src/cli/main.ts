import { Command } from "commander";
import { registerDbCommand } from "./db.command";
import { registerEmbeddedMongoCommand } from "./embedded-mongo.command";
import { registerServeCommand } from "./serve.command";

/** The `jupiter` command: one program, one subcommand per operation. */
export function buildCli(): Command {
  const program = new Command("jupiter")
    .description("Jupiter Gateway: GraphQL analytics gateway over MongoDB")
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerEmbeddedMongoCommand(program);
  registerDbCommand(program);
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
