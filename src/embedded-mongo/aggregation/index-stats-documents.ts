import { Long } from "bson";
import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";

/** The documents of a leading $indexStats stage: per-index usage counted by the planner. */
export function indexStatsDocuments(coll: Collection | undefined, host: string): Doc[] {
  if (!coll) return [];
  return [...coll.indexes.values()].map((index) => ({
    name: index.name,
    key: index.spec.key,
    host,
    accesses: { ops: Long.fromNumber(index.accesses.ops), since: index.accesses.since },
    spec: { ...index.spec },
  }));
}
