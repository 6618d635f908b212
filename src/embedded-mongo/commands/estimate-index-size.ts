import type { Index } from "../storage/collection-index";

/** A rough in-memory footprint of an index: entries times a per-entry cost. */
export function estimateIndexSize(index: Index): number {
  return index.entries.size * (16 + index.fields.length * 16) + 4096;
}
