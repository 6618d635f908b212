import type { Doc } from "../storage/doc";
import type { ChangePosition } from "./change-position";

export type ChangeOperation = "insert" | "update" | "replace" | "delete" | "drop" | "rename" | "dropDatabase";

/**
 * One change in the history log, kept in the form it happened (images are the stored document
 * versions, shared and never mutated); each stream renders it into an event document its way.
 */
export interface ChangeEntry {
  pos: ChangePosition;
  wallTime: Date;
  op: ChangeOperation;
  db: string;
  /** The collection (absent for dropDatabase). */
  coll?: string;
  /** documentKey._id of a document event. */
  id?: unknown;
  /** The document after the change (insert, update, replace). */
  after?: Doc;
  /** The document before the change (update, replace, delete). */
  before?: Doc;
  /** The new namespace of a rename. */
  to?: { db: string; coll: string };
  /** Set on the events of a committed transaction. */
  lsid?: unknown;
  txnNumber?: unknown;
}
