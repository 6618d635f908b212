/** Which index: its name and its key pattern (as JSON). */
export interface IndexIdentityRecord {
  name: string;
  key: Record<string, unknown>;
}
