/** An index of the data model that no operation used since `since`. */
export interface UnusedIndexRecord {
  collection: string;
  name: string;
  key: Record<string, unknown>;
  since: Date | null;
}
