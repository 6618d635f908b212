import { type Db, ReadPreference, type ReadPreferenceMode } from "mongodb";
import type { FaultsConfig, ReadPreferenceSetting } from "../config";

const MODES: Record<ReadPreferenceSetting, ReadPreferenceMode> = {
  primary: "primary",
  primarypreferred: "primaryPreferred",
  secondary: "secondary",
  secondarypreferred: "secondaryPreferred",
  nearest: "nearest",
};

/**
 * The database handle analytics aggregations read through: ANALYTICS_READ_PREFERENCE (default
 * primary) and, for secondaries, ANALYTICS_MAX_STALENESS_SECONDS. Dashboards' heavy reads can
 * thus go to secondaries while cases, alerts and every write stay on the primary.
 */
export function analyticsDbOf(db: Db, faults: FaultsConfig): Db {
  const mode = MODES[faults.analyticsReadPreference];
  if (mode === "primary") return db;
  const staleness = faults.analyticsMaxStalenessSeconds;
  const readPreference = new ReadPreference(
    mode,
    undefined,
    staleness > 0 ? { maxStalenessSeconds: staleness } : undefined,
  );
  return db.client.db(db.databaseName, { readPreference });
}
