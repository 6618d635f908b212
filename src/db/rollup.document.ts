import type { ObjectId } from "mongodb";

/** An `alert_rollups` document (or one of a coarser tier): the alerts of one bucket and combination. */
export interface AlertRollupDocument {
  _id: { bucket: Date; type?: unknown; source?: unknown; severity?: unknown; resolved?: unknown };
  /** Start of the 15-minute UTC bucket (of the UTC hour, day or month in the coarser tiers). */
  bucket: Date;
  type?: string;
  source?: string;
  severity?: string;
  resolved?: boolean;
  count: number;
  /** The refresh that wrote it: what a refresh did not write in its window is gone. */
  refresh: ObjectId;
}

/** The `rollup_state` document. */
export interface RollupStateDocument {
  _id: string;
  /** The rollup is complete for alerts raised before this instant (as of `refreshed_at`). */
  watermark: Date;
  refreshed_at: Date;
  /** Start of the window the last refresh recomputed. */
  window_start: Date;
  /** When the last full rebuild finished. */
  rebuilt_at?: Date;
  /** ROLLUP_TIERS_VERSION when the coarser tiers are complete up to the watermark too. */
  tiers?: number;
}

/** A `rollup_dirty` document: a bucket an alert write of the gateway changed. */
export interface RollupDirtyDocument {
  /** Start of the bucket. */
  _id: Date;
  /** New on every mark: a refresh clears only the marks it saw, never a newer one. */
  token: ObjectId;
  marked_at: Date;
}
