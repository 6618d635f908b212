import { Timestamp } from "bson";
import type { Doc } from "../storage/doc";
import type { ChangeEntry } from "./change-entry";
import type { ChangeStreamOptions } from "./change-stream-options";
import { encodeResumeToken } from "./resume-token";
import { updateDescriptionOf } from "./update-description";

/** Looks up the current version of a document (for fullDocument: "updateLookup"). */
export type DocumentLookup = (db: string, coll: string, id: unknown) => Doc | null;

/** The event document mongod 7.0 sends for a history entry, in its field order. */
export function renderChangeEvent(
  entry: ChangeEntry,
  options: ChangeStreamOptions,
  lookup: DocumentLookup,
): Doc {
  const event: Doc = {
    _id: encodeResumeToken(entry.pos),
    operationType: entry.op,
    clusterTime: new Timestamp({ t: entry.pos.t, i: entry.pos.i }),
    wallTime: entry.wallTime,
  };
  const full = fullDocumentOf(entry, options, lookup);
  if (full !== undefined) event.fullDocument = full;
  event.ns = entry.coll === undefined ? { db: entry.db } : { db: entry.db, coll: entry.coll };
  if (entry.to) event.to = { db: entry.to.db, coll: entry.to.coll };
  if (entry.id !== undefined) event.documentKey = { _id: entry.id };
  if (entry.op === "update" && entry.before && entry.after) {
    event.updateDescription = updateDescriptionOf(entry.before, entry.after);
  }
  if (options.fullDocumentBeforeChange !== "off" && isDocumentChange(entry) && entry.op !== "insert") {
    event.fullDocumentBeforeChange = entry.before ?? null;
  }
  if (entry.lsid !== undefined) event.lsid = entry.lsid;
  if (entry.txnNumber !== undefined) event.txnNumber = entry.txnNumber;
  return event;
}

/** The invalidate event that closes a stream after a drop or rename of what it watches. */
export function renderInvalidateEvent(entry: ChangeEntry): Doc {
  return {
    _id: encodeResumeToken(entry.pos, true),
    operationType: "invalidate",
    clusterTime: new Timestamp({ t: entry.pos.t, i: entry.pos.i }),
    wallTime: entry.wallTime,
  };
}

function isDocumentChange(entry: ChangeEntry): boolean {
  return entry.op === "insert" || entry.op === "update" || entry.op === "replace" || entry.op === "delete";
}

function fullDocumentOf(
  entry: ChangeEntry,
  options: ChangeStreamOptions,
  lookup: DocumentLookup,
): Doc | null | undefined {
  if (entry.op === "insert" || entry.op === "replace") return entry.after ?? null;
  if (entry.op !== "update") return undefined;
  switch (options.fullDocument) {
    case "default":
      return undefined;
    case "updateLookup":
      return lookup(entry.db, entry.coll as string, entry.id);
    default:
      // The engine keeps every post-image in its history, so they are always available.
      return entry.after ?? null;
  }
}
