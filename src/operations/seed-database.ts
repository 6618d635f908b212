import type { Db } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { resetRollups } from "../db/rollup-reset";
import { seedDemoData, type SeedDemoDataOptions } from "../seed/seed-demo-data";
import { OperationError } from "./operation-error";
import { type OperationReporting, reporterOf } from "./operation-events";

export interface SeedDatabaseOptions
  extends
    OperationReporting,
    Pick<SeedDemoDataOptions, "users" | "cases" | "alerts" | "days" | "seed" | "now"> {
  /** Empty users, cases and alerts first (their validators and indexes stay). */
  drop?: boolean;
}

export interface SeedDatabaseResult {
  users: number;
  cases: number;
  alerts: number;
  /** Documents removed by `drop`, per collection. */
  removed: { users: number; cases: number; alerts: number };
  durationMs: number;
}

const SEEDED = [COLLECTIONS.users, COLLECTIONS.cases, COLLECTIONS.alerts] as const;

/**
 * Fills users, cases and alerts with the deterministic demo data set. A database that
 * already holds any of them is refused unless `drop` (appending is not offered: the same
 * seed produces the same _ids, so a second run would only collide).
 */
export async function seedDatabase(db: Db, options: SeedDatabaseOptions = {}): Promise<SeedDatabaseResult> {
  const report = reporterOf(options);
  const started = Date.now();
  const removed = { users: 0, cases: 0, alerts: 0 };
  const counts = await Promise.all(
    SEEDED.map((name) => db.collection(name).countDocuments({}, { limit: 1 })),
  );
  if (counts.some((count) => count > 0)) {
    if (!options.drop) {
      const held = SEEDED.filter((_, i) => counts[i]! > 0).join(", ");
      throw new OperationError(
        `the database ${db.databaseName} already holds data (${held})`,
        "run with --drop to empty users, cases and alerts first (their indexes and validators stay), or set MONGODB_DB to another database",
      );
    }
    for (const name of SEEDED) {
      const deleted = await db.collection(name).deleteMany({});
      removed[name] = deleted.deletedCount;
      report.log(`emptied ${name}: ${deleted.deletedCount} documents removed`);
    }
  }
  // New alerts across past days: the rollup (if any) is rebuilt from scratch by the next refresh.
  await resetRollups(db);
  const seeded = await seedDemoData(db, {
    users: options.users,
    cases: options.cases,
    alerts: options.alerts,
    days: options.days,
    seed: options.seed,
    now: options.now,
    onProgress: (collection, done, total) => report.progress(collection, done, total),
  });
  return { ...seeded, removed, durationMs: Date.now() - started };
}
