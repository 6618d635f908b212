import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import type { ChangeOperation } from "./change-entry";

/** Receives each document change Collection.apply makes (every engine's collections). */
export type WriteObserver = (
  coll: Collection,
  op: ChangeOperation,
  before: Doc | null,
  after: Doc | null,
) => void;

const observers = new Set<WriteObserver>();

export function addWriteObserver(observer: WriteObserver): void {
  observers.add(observer);
}

export function removeWriteObserver(observer: WriteObserver): void {
  observers.delete(observer);
}

/** Called by Collection.apply after a change; free when no engine has change streams on. */
export function noteWrite(
  coll: Collection,
  op: ChangeOperation,
  before: Doc | null,
  after: Doc | null,
): void {
  if (observers.size === 0) return;
  for (const observe of observers) observe(coll, op, before, after);
}
