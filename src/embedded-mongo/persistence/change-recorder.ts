import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";

/** One applied document change as the journal records it (the collection is named by uuid). */
export interface AppliedChange {
  coll: Collection;
  op: "i" | "u" | "d";
  id: unknown;
  doc: Doc | null;
}

/** Receives the changes applied while a command runs (see `recordChanges`). */
export type ChangeSink = (change: AppliedChange) => void;

let activeSink: ChangeSink | null = null;
/** Collections whose writes are never journaled (transaction workspaces). */
const unjournaled = new WeakSet<Collection>();

/** Called by Collection.apply after each successful change; free when nothing records. */
export function noteApplied(coll: Collection, op: "i" | "u" | "d", id: unknown, doc: Doc | null): void {
  if (activeSink === null && fallbackSinks.size === 0) return;
  if (unjournaled.has(coll)) return;
  if (activeSink !== null) activeSink({ coll, op, id, doc });
  else if (fallbackSinks.size > 0) {
    for (const sink of fallbackSinks) if (sink({ coll, op, id, doc })) return;
  }
}

export function markUnjournaled(coll: Collection): void {
  unjournaled.add(coll);
}

/** Runs `fn` with `sink` receiving every change applied meanwhile (commands run synchronously). */
export function recordChanges<T>(sink: ChangeSink, fn: () => T): T {
  const previous = activeSink;
  activeSink = sink;
  try {
    return fn();
  } finally {
    activeSink = previous;
  }
}

/** Sinks that claim changes made outside any command (by owner); each returns true if it took it. */
const fallbackSinks = new Set<(change: AppliedChange) => boolean>();

export function addFallbackSink(sink: (change: AppliedChange) => boolean): void {
  fallbackSinks.add(sink);
}

export function removeFallbackSink(sink: (change: AppliedChange) => boolean): void {
  fallbackSinks.delete(sink);
}
