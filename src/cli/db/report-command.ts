import type { Command } from "commander";
import { type ActionContext, runDbAction } from "./run-db-action";

/** A read-only `jupiter db` report: what it reads, and how it prints that for people. */
export interface DbReport<Report> {
  /** The words after `jupiter db`, e.g. "stats" or "rollups status"; the last is the subcommand's name. */
  command: string;
  description: string;
  read: (context: ActionContext) => Promise<Report>;
  printText: (report: Report, print: (line: string) => void) => void;
}

/**
 * Adds a report subcommand to `parent`: with `--json` it prints what `read` returned as one
 * JSON document (for scripts), otherwise `printText` writes it for people. Every report
 * takes `--json` the same way.
 */
export function registerReportCommand<Report>(parent: Command, report: DbReport<Report>): void {
  parent
    .command(report.command.split(" ").at(-1)!)
    .description(report.description)
    .option("--json", "print one JSON document instead of text")
    .action(async (options: { json?: boolean }) => {
      await runDbAction(report.command, async (context) => {
        const result = await report.read(context);
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else report.printText(result, context.print);
      });
    });
}
