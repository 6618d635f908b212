import { serverParameters } from "../commands/server-parameters";
import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import type { Index } from "../storage/collection-index";
import { valuesAtPath } from "../storage/values-at-path";

/** How often the monitor checks whether a pass is due (the pass period is ttlMonitorSleepSecs). */
const CHECK_EVERY_MS = 200;

/** mongod's ttlMonitorSleepSecs server parameter (default 60). */
export function ttlMonitorSleepSecs(): number {
  const v = Number(serverParameters.ttlMonitorSleepSecs ?? 60);
  return Number.isFinite(v) && v > 0 ? v : 60;
}

/** What the monitor needs of the engine: its databases. */
export interface TtlTarget {
  readonly databases: Map<string, { readonly collections: Map<string, Collection> }>;
}

/**
 * The TTL monitor: every ttlMonitorSleepSecs it deletes, through the collection's write path,
 * the documents whose indexed date (for an array, its earliest date) is older than the index's
 * expireAfterSeconds, as mongod's TTLMonitor does. Its timer is unref'd and stopped by stop().
 */
export class TtlMonitor {
  passes = 0;
  deletedDocuments = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastPass = Date.now();

  constructor(private readonly target: TtlTarget) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const now = Date.now();
    if (now - this.lastPass < ttlMonitorSleepSecs() * 1000) return;
    this.lastPass = now;
    try {
      this.runPass(now);
    } catch {
      // A failed pass (e.g. a racing drop) is retried at the next period, as mongod logs and goes on.
    }
  }

  /** One pass over every TTL index; returns the number of documents deleted. */
  runPass(now = Date.now()): number {
    let deleted = 0;
    for (const db of this.target.databases.values()) {
      for (const coll of [...db.collections.values()]) {
        for (const index of [...coll.indexes.values()]) {
          if (!isTtlIndex(index)) continue;
          deleted += expire(coll, index, now);
        }
      }
    }
    this.passes++;
    this.deletedDocuments += deleted;
    return deleted;
  }
}

function isTtlIndex(index: Index): boolean {
  const seconds = index.spec.expireAfterSeconds;
  return (
    typeof seconds === "number" &&
    Number.isFinite(seconds) &&
    index.kind === "btree" &&
    index.fields.length === 1
  );
}

function expire(coll: Collection, index: Index, now: number): number {
  const cutoff = now - (index.spec.expireAfterSeconds as number) * 1000;
  const expired: number[] = [];
  for (const [rid, doc] of coll.docs) {
    const earliest = earliestDate(doc, index.fields[0].path);
    if (earliest !== null && earliest <= cutoff && index.covers(doc)) expired.push(rid);
  }
  for (const rid of expired) coll.apply({ op: "delete", rid });
  return expired.length;
}

function earliestDate(doc: Doc, path: string): number | null {
  let best: number | null = null;
  for (const v of valuesAtPath(doc, path).values) {
    if (v instanceof Date) {
      const t = v.getTime();
      if (!Number.isNaN(t) && (best === null || t < best)) best = t;
    }
  }
  return best;
}
