import type { ClientSession, Db } from "mongodb";

/**
 * Alerts of the old schema call their severity `level`: rename it to `severity`. An alert
 * that has both keeps its `severity` and its `level` (renaming would overwrite the
 * severity); there are none in data written by this project.
 *
 * down renames `severity` back to `level` on every alert, which is the old schema.
 * Both directions bypass the validator: the alerts validator requires `severity`, which
 * the old schema does not have.
 *
 * This file imports nothing at run time (types only), so that it runs from anywhere.
 */
export async function up(db: Db, session?: ClientSession): Promise<void> {
  await renameAlertField(db, "level", "severity", session);
}

export async function down(db: Db, session?: ClientSession): Promise<void> {
  await renameAlertField(db, "severity", "level", session);
}

/** Renames `from` to `to` on every alert that has `from` and not `to`, past the validator. */
async function renameAlertField(db: Db, from: string, to: string, session: ClientSession | undefined) {
  await db
    .collection("alerts")
    .updateMany(
      { [from]: { $exists: true }, [to]: { $exists: false } },
      { $rename: { [from]: to } },
      { session, bypassDocumentValidation: true },
    );
}
