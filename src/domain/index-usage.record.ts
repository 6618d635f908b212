/** How often one index was used since `since` ($indexStats accesses). */
export interface IndexUsageRecord {
  name: string;
  key: Record<string, unknown>;
  ops: number | null;
  since: Date | null;
}
