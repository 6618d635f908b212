import { MongoServerError } from "mongodb";

/**
 * Errors after which a change stream cannot resume from its token: ChangeStreamHistoryLost (286,
 * the token fell out of the oplog), InvalidResumeToken (260), ChangeStreamFatalError (280).
 */
const CANNOT_RESUME = new Set([286, 260, 280]);

/**
 * True when `error` says a change stream cannot go on from its resume token: the watcher must
 * start afresh, and whatever it feeds must assume it missed changes (recompute, invalidate).
 */
export function cannotResumeChangeStream(error: unknown): boolean {
  return error instanceof MongoServerError && typeof error.code === "number" && CANNOT_RESUME.has(error.code);
}
