import { type Db, ReadPreference, type ReadPreferenceMode } from "mongodb";

/** Read preferences ANALYTICS_READ_PREFERENCE accepts (the driver's modes, lower case). */
export const READ_PREFERENCES = [
  "primary",
  "primarypreferred",
  "secondary",
  "secondarypreferred",
  "nearest",
] as const;
export type ReadPreferenceSetting = (typeof READ_PREFERENCES)[number];

/** The settings analyticsDbOf reads (the configuration's `faults` section has them). */
export interface AnalyticsReadSettings {
  analyticsReadPreference: ReadPreferenceSetting;
  analyticsMaxStalenessSeconds: number;
}

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
export function analyticsDbOf(db: Db, faults: AnalyticsReadSettings): Db {
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
