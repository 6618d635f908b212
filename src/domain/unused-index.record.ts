import type { IndexIdentityRecord } from "./index-identity.record";

/** An index of the data model that no operation used since `since`. */
export interface UnusedIndexRecord extends IndexIdentityRecord {
  collection: string;
  since: Date | null;
}
