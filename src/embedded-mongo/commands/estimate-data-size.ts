import { calculateObjectSize } from "bson";
import type { Collection } from "../storage/collection";

const SAMPLE = 1000;

/** Approximate BSON size of a collection's documents (sampled beyond 1000 documents). */
export function estimateDataSize(coll: Collection): number {
  const n = coll.docs.size;
  if (n === 0) return 0;
  let bytes = 0;
  let seen = 0;
  const step = n > SAMPLE ? Math.floor(n / SAMPLE) : 1;
  let i = 0;
  for (const doc of coll.docs.values()) {
    if (i++ % step !== 0) continue;
    bytes += calculateObjectSize(doc);
    seen++;
  }
  return Math.round((bytes / seen) * n);
}
