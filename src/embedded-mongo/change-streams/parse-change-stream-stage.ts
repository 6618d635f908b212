import { Timestamp } from "bson";
import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";
import type { ChangeStreamOptions } from "./change-stream-options";
import { decodeResumeToken, type ResumePoint } from "./resume-token";

/** The `$changeStream` stage's options, checked as mongod checks them. */
export interface ChangeStreamStage extends ChangeStreamOptions {
  resumeAfter?: ResumePoint;
  startAfter?: ResumePoint;
  startAtOperationTime?: { t: number; i: number };
  allChangesForCluster: boolean;
}

const KNOWN = new Set([
  "fullDocument",
  "fullDocumentBeforeChange",
  "resumeAfter",
  "startAfter",
  "startAtOperationTime",
  "allChangesForCluster",
  "showExpandedEvents",
  "showSystemEvents",
  "showMigrationEvents",
]);
const FULL_DOCUMENT = ["default", "updateLookup", "whenAvailable", "required"] as const;
const BEFORE_CHANGE = ["off", "whenAvailable", "required"] as const;

export function parseChangeStreamStage(spec: unknown): ChangeStreamStage {
  if (!isPlainObject(spec))
    throw new CommandError(50808, "$changeStream stage expects a document as argument");
  for (const key of Object.keys(spec)) {
    if (!KNOWN.has(key))
      throw new CommandError(40415, `BSON field '$changeStream.${key}' is an unknown field.`);
  }
  const stage: ChangeStreamStage = {
    fullDocument: oneOf(spec.fullDocument, FULL_DOCUMENT, "fullDocument", "default"),
    fullDocumentBeforeChange: oneOf(
      spec.fullDocumentBeforeChange,
      BEFORE_CHANGE,
      "fullDocumentBeforeChange",
      "off",
    ),
    allChangesForCluster: bool(spec.allChangesForCluster, "allChangesForCluster"),
  };
  if (spec.showExpandedEvents === true) {
    throw new CommandError(238, "$changeStream: showExpandedEvents is not supported by the embedded engine");
  }
  if (spec.resumeAfter !== undefined) stage.resumeAfter = decodeResumeToken(spec.resumeAfter, "resumeAfter");
  if (spec.startAfter !== undefined) stage.startAfter = decodeResumeToken(spec.startAfter, "startAfter");
  if (spec.startAtOperationTime !== undefined) {
    const ts = spec.startAtOperationTime as { _bsontype?: string };
    if (!(ts instanceof Timestamp) && ts?._bsontype !== "Timestamp") {
      throw new CommandError(
        14,
        "BSON field '$changeStream.startAtOperationTime' is the wrong type, expected type 'timestamp'",
      );
    }
    const t = ts as Timestamp;
    stage.startAtOperationTime = { t: t.high >>> 0, i: t.low >>> 0 };
  }
  const given = [stage.resumeAfter, stage.startAfter, stage.startAtOperationTime].filter(
    (v) => v !== undefined,
  );
  if (given.length > 1) {
    throw new CommandError(40674, "Only one type of resume option is allowed, but multiple were found.");
  }
  if (stage.resumeAfter?.fromInvalidate) {
    throw new CommandError(
      260,
      "Attempting to resume a change stream using 'resumeAfter' is not allowed from an invalidate notification.",
    );
  }
  return stage;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string, fallback: T): T {
  if (v === undefined) return fallback;
  if (typeof v !== "string") {
    throw new CommandError(
      14,
      `BSON field '$changeStream.${field}' is the wrong type '${typeof v}', expected type 'string'`,
    );
  }
  if (!(allowed as readonly string[]).includes(v)) {
    throw new CommandError(2, `'${v}' is not a valid value for $changeStream.${field}`);
  }
  return v as T;
}

function bool(v: unknown, field: string): boolean {
  if (v === undefined) return false;
  if (typeof v !== "boolean") {
    throw new CommandError(14, `BSON field '$changeStream.${field}' is the wrong type, expected type 'bool'`);
  }
  return v;
}
