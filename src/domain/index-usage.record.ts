import type { IndexIdentityRecord } from "./index-identity.record";

/** How often one index was used since `since` ($indexStats accesses). */
export interface IndexUsageRecord extends IndexIdentityRecord {
  ops: number | null;
  since: Date | null;
}
