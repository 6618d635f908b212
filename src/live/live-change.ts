import type { ObjectId } from "mongodb";

/** The collections live fields watch. */
export type WatchedCollection = "alerts" | "cases";

/**
 * What a change feed reports about one collection:
 * - `insert`, `update`, `replace`, `delete`: a change to the document `id`;
 * - `changed`: something changed, the feed does not know which documents (polling);
 * - `resync`: the feed lost track (change stream history lost): recompute everything.
 */
export type LiveChange =
  | { collection: WatchedCollection; type: "insert" | "update" | "replace" | "delete"; id: ObjectId }
  | { collection: WatchedCollection; type: "changed" | "resync" };

export type LiveChangeListener = (change: LiveChange) => void;

/** One watcher per collection per process, fanned out in process to many listeners. */
export interface ChangeFeed {
  /** How changes are learned: from change streams or by polling. */
  readonly mode: "change-stream" | "polling";
  /**
   * Starts watching `collection` if nobody does yet. Resolves once changes after this
   * point are sure to be reported, so a result computed afterwards misses none.
   * Returns the function that stops listening.
   */
  listen(collection: WatchedCollection, listener: LiveChangeListener): Promise<() => void>;
  /** Stops every watcher. */
  close(): Promise<void>;
}
