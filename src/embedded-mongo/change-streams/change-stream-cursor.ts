import { calculateObjectSize } from "bson";
import { Aggregator } from "mingo/aggregator";
import { CommandError } from "../errors/command-error";
import { mingoOptions } from "../query/mingo-options";
import type { Doc } from "../storage/doc";
import { bsonValuesEqual } from "../validation/bson-values-equal";
import type { ChangeEntry } from "./change-entry";
import type { ChangePosition } from "./change-position";
import type { ChangeStreamHub } from "./change-stream-hub";
import type { ChangeStreamOptions, ChangeStreamScope } from "./change-stream-options";
import { renderChangeEvent, renderInvalidateEvent } from "./render-change-event";
import { encodeResumeToken } from "./resume-token";

/** Room left in a 16 MiB reply for the envelope around a batch. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;

/** One batch of a change stream. */
export interface ChangeBatch {
  events: Doc[];
  postBatchResumeToken: { _data: string };
  /** True after the invalidate event: the cursor closes. */
  invalidated: boolean;
}

/**
 * The server side of one change stream: a position in the history (the last event examined,
 * returned or not) from which each batch reads on, rendering events for its scope and running
 * them through the stream's own stages ($match, $project, ...).
 */
export class ChangeStreamCursor {
  private invalidateAfter: ChangeEntry | null = null;
  private invalidated = false;
  private readonly aggregator: Aggregator | null;
  closed = false;
  private closeListener: (() => void) | null = null;

  constructor(
    private readonly hub: ChangeStreamHub,
    readonly scope: ChangeStreamScope,
    private readonly options: ChangeStreamOptions,
    stages: Record<string, unknown>[],
    private position: ChangePosition,
    /** Resumed with resumeAfter: resuming right after a drop or rename yields the invalidate. */
    resumed: boolean,
  ) {
    this.aggregator = stages.length > 0 ? new Aggregator(stages, mingoOptions) : null;
    const at = resumed ? hub.history.find(position) : undefined;
    if (at && this.inScope(at) && this.invalidates(at)) this.invalidateAfter = at;
  }

  /** Events after the position, up to `limit`; never waits. */
  takeBatch(limit: number): ChangeBatch {
    const events: Doc[] = [];
    let bytes = 0;
    const history = this.hub.history;
    // A stream that fell further behind than the history reaches cannot go on without a gap.
    if (!this.invalidateAfter && history.lost(this.position)) throw historyLost();
    let index = history.indexAfter(this.position);
    while (events.length < limit && !this.invalidated) {
      if (this.invalidateAfter) {
        const inv = renderInvalidateEvent(this.invalidateAfter);
        events.push(inv);
        this.invalidated = true;
        return { events, postBatchResumeToken: inv._id as { _data: string }, invalidated: true };
      }
      const entry = history.at(index++);
      if (!entry) break;
      if (!this.inScope(entry)) {
        this.position = entry.pos;
        continue;
      }
      const out = this.transform(entry);
      const size = out.reduce((n, d) => n + calculateObjectSize(d), 0);
      if (events.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
      this.position = entry.pos;
      events.push(...out);
      bytes += size;
      if (this.invalidates(entry)) this.invalidateAfter = entry;
    }
    return { events, postBatchResumeToken: encodeResumeToken(this.position), invalidated: false };
  }

  /** Called when the server cursor is killed or expires: wakes a getMore waiting on it. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeListener?.();
  }

  onClose(listener: (() => void) | null): void {
    this.closeListener = listener;
  }

  private transform(entry: ChangeEntry): Doc[] {
    const event = renderChangeEvent(entry, this.options, (db, coll, id) => this.hub.lookup(db, coll, id));
    if (!this.aggregator) return [event];
    const out = this.aggregator.run([event]) as Doc[];
    for (const doc of out) {
      if (!bsonValuesEqual(doc._id, event._id)) {
        throw new CommandError(
          280,
          "Encountered an event whose _id field, which contains the resume token, was modified by the pipeline. Modifying the _id field of an event makes it impossible to resume the stream from that point. Only transformations that retain the unmodified _id field are allowed.",
        );
      }
    }
    return out;
  }

  private inScope(entry: ChangeEntry): boolean {
    const s = this.scope;
    if (s.kind === "cluster") return true;
    if (entry.db !== s.db) return false;
    if (s.kind === "database") return true;
    return entry.coll === s.coll && entry.op !== "dropDatabase";
  }

  /** A drop or rename of the watched collection, or dropDatabase of the watched database. */
  private invalidates(entry: ChangeEntry): boolean {
    const s = this.scope;
    if (s.kind === "collection") return entry.op === "drop" || entry.op === "rename";
    if (s.kind === "database") return entry.op === "dropDatabase";
    return false;
  }
}

/** 286 ChangeStreamHistoryLost, as mongod reports a resume point older than its oplog. */
export function historyLost(): CommandError {
  return new CommandError(
    286,
    "Resume of change stream was not possible, as the resume point may no longer be in the oplog.",
  );
}
