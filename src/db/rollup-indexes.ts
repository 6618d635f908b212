import type { IndexDescription } from "mongodb";
import { ROLLUP_TIERS } from "./rollup-tiers";

/**
 * The indexes of the rollup collections, which `jupiter db setup` creates next to those of
 * src/db/data-model-indexes.ts: every tier is read and maintained by ranges and lists of
 * bucket starts.
 */
export const ROLLUP_INDEXES: Readonly<Record<string, readonly IndexDescription[]>> = Object.fromEntries(
  ROLLUP_TIERS.map((tier) => [tier.collection, [{ key: { bucket: 1 }, name: "bucket_1" }]]),
);
