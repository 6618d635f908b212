/** The collections of the alert rollups (README "Rollups"). */
export const ROLLUP_COLLECTIONS = {
  /** One document per (15-minute UTC bucket, type, source, severity, resolved) with `count`. */
  rollups: "alert_rollups",
  /** One document (`_id: "alerts"`): the watermark up to which the rollup is complete. */
  state: "rollup_state",
  /** Buckets the gateway's own alert writes changed since the last refresh (`_id`: bucket start). */
  dirty: "rollup_dirty",
  /** Coarser tiers (src/db/rollup-tiers.ts): the same documents per UTC hour, six hours, day and calendar month. */
  hourly: "alert_rollups_hourly",
  sixHourly: "alert_rollups_6h",
  daily: "alert_rollups_daily",
  monthly: "alert_rollups_monthly",
} as const;

/**
 * Stamped on rollup_state (`tiers`) by the refresh that built the coarser tiers along with
 * alert_rollups: a state without it (written before the tiers existed) makes the next
 * refresh a rebuild, and reads use the 15-minute documents only until then.
 */
export const ROLLUP_TIERS_VERSION = 2;

/** The lease (src/operations/operation-lock.ts) one refresh or rebuild holds at a time. */
export const ROLLUP_LEASE = "rollups";

/** `_id` of the one rollup_state document. */
export const ROLLUP_STATE_ID = "alerts";

/** Width of a rollup bucket: every zone offset in use is a multiple of it. */
export const ROLLUP_BUCKET_MS = 900_000;

/** The start of the 15-minute UTC bucket holding `at`. */
export function floorToRollupBucket(at: Date): Date {
  const ms = at.getTime();
  return new Date(ms - (((ms % ROLLUP_BUCKET_MS) + ROLLUP_BUCKET_MS) % ROLLUP_BUCKET_MS));
}

/** The first bucket start at or after `at`. */
export function ceilToRollupBucket(at: Date): Date {
  const floor = floorToRollupBucket(at);
  return floor.getTime() === at.getTime() ? floor : new Date(floor.getTime() + ROLLUP_BUCKET_MS);
}

/** True when `at` is a bucket boundary. */
export function isRollupBoundary(at: Date): boolean {
  return floorToRollupBucket(at).getTime() === at.getTime();
}
