import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import type { Deadline } from "./deadline";
import type { OpStats } from "./op-stats";
import type { QueryPlan } from "./query-plan";

/** Yields [recordId, document] pairs of a plan, counting keys and documents examined. */
export function* scanPlan(
  coll: Collection,
  plan: QueryPlan,
  stats: OpStats,
  deadline: Deadline,
): Generator<[number, Doc]> {
  const index = plan.index;
  if (!index) {
    stats.stage = "COLLSCAN";
    if (!plan.reverse) {
      // Map iteration is live: documents deleted meanwhile are skipped, updated ones seen as they are now.
      for (const row of coll.docs) {
        stats.docsExamined++;
        deadline.tick();
        yield row;
      }
      return;
    }
    for (const rid of Array.from(coll.docs.keys()).reverse()) {
      const doc = coll.docs.get(rid);
      if (!doc) continue;
      stats.docsExamined++;
      deadline.tick();
      yield [rid, doc];
    }
    return;
  }
  stats.stage = "IXSCAN";
  stats.indexName = index.name;
  index.accesses.ops++;
  const seen = index.multikey ? new Set<number>() : null;
  const intervals = plan.reverse ? plan.intervals.slice().reverse() : plan.intervals;
  for (const interval of intervals) {
    for (const [, rid] of index.entries.scan(interval.lower, interval.upper, plan.reverse)) {
      stats.keysExamined++;
      deadline.tick();
      if (seen) {
        if (seen.has(rid)) continue;
        seen.add(rid);
      }
      const doc = coll.docs.get(rid);
      if (!doc) continue;
      stats.docsExamined++;
      yield [rid, doc];
    }
  }
}
