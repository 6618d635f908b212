import type { Command } from "commander";
import { DRIFT_EXIT_CODE, setupDatabase } from "../../operations/setup-database";
import { runDbAction } from "./run-db-action";

/** `jupiter db setup`: collections, validators and every index of the data model. */
export function registerSetupCommand(db: Command): void {
  db.command("setup")
    .description(
      "create the collections with their validators and every index of the data model; idempotent; exit 2 on index drift",
    )
    .action(async () => {
      await runDbAction("setup", async ({ db: database, reporting, print }) => {
        const result = await setupDatabase(database, reporting);
        for (const extra of result.extraIndexes) {
          print(`extra index ${extra.collection}.${extra.name}: not in the data model; left as it is`);
        }
        print(
          `setup ${database.databaseName}: ${result.created} created, ${result.existing} already existed, ${result.drift} drift`,
        );
        if (result.drift > 0) {
          console.error(
            `jupiter db setup: ${result.drift} index(es) differ from the data model (DRIFT lines above) and were left as they are; ` +
              "what to do: drop each drifted index and run jupiter db setup again, or update src/db/data-model-indexes.ts",
          );
          return DRIFT_EXIT_CODE;
        }
        return 0;
      });
    });
}
