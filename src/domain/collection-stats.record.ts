import type { IndexUsageRecord } from "./index-usage.record";

/** Count, sizes and indexes of one collection of the data model. */
export interface CollectionStatsRecord {
  name: string;
  documents: number;
  sizeBytes: number;
  storageSizeBytes: number;
  totalIndexSizeBytes: number;
  indexes: IndexUsageRecord[];
}
