import type { ChangeStream, Db, ResumeToken } from "mongodb";
import { MongoServerError } from "mongodb";
import { cannotResumeChangeStream } from "../db/cannot-resume-change-stream";
import { COLLECTIONS } from "../db/collection-names";
import type { ResponseCache } from "./response-cache";

/** The collections cached results read: writes to them from anywhere invalidate. */
const WATCHED = [COLLECTIONS.cases, COLLECTIONS.alerts, COLLECTIONS.users, COLLECTIONS.auditLogs];
/** Errors that say the deployment has no change streams (a standalone mongod): no retry helps. */
const UNSUPPORTED = new Set([40573, 40324]);
/** Wait before reopening a stream that failed with an error the driver does not resume from. */
const REOPEN_DELAY_MS = 1_000;

/** Where the watcher reports that it stopped or reopens (the cache relies on TTLs meanwhile). */
export interface InvalidationLog {
  warn(details: object, message: string): void;
}

/**
 * Writes made around the gateway (another application, a CLI job) invalidate cached
 * results too, through one change stream on the database. The driver resumes it after a
 * network error; when it fails otherwise (the database restarted and the driver gave up),
 * it is reopened from its last resume token, and when that token is too old
 * (ChangeStreamHistoryLost) it starts afresh and every cached result is dropped, at the
 * failure and again once the fresh stream is open, since writes may have been missed. Where change streams are not available (a standalone
 * mongod) it closes itself and logs once: cached results then live until their TTL ends,
 * as the README says.
 */
export function watchWritesAroundGateway(
  db: Db,
  cache: ResponseCache,
  log: InvalidationLog,
): () => Promise<void> {
  let stopped = false;
  let stream: ChangeStream | undefined;
  let resumeToken: ResumeToken | undefined;
  /** The history was lost: drop everything again once the fresh stream is open. */
  let afresh = false;
  let timer: NodeJS.Timeout | undefined;
  const open = (): void => {
    const opened = db.watch(
      [{ $match: { "ns.coll": { $in: WATCHED } } }],
      resumeToken ? { resumeAfter: resumeToken } : {},
    );
    stream = opened;
    opened.on("change", (event) => {
      const ns = (event as { ns?: { coll?: string } }).ns;
      cache.invalidate(ns?.coll ? [ns.coll] : WATCHED);
    });
    opened.on("resumeTokenChanged", (token: ResumeToken) => {
      resumeToken = token;
      // Open on the server from here on: writes made before it (since the history was lost) are
      // not in this stream, so nothing cached until now may stay.
      if (afresh) {
        afresh = false;
        cache.invalidate(WATCHED);
      }
    });
    opened.on("error", (error) => {
      if (stopped || stream !== opened) return;
      stream = undefined;
      void opened.close().catch(() => undefined);
      const code = error instanceof MongoServerError ? error.code : undefined;
      if (typeof code === "number" && UNSUPPORTED.has(code)) {
        log.warn({ err: error }, "response cache: no change streams; cached results now expire by TTL only");
        return;
      }
      const historyLost = cannotResumeChangeStream(error);
      if (historyLost) {
        resumeToken = undefined;
        afresh = true;
        cache.invalidate(WATCHED);
      }
      log.warn(
        { err: error },
        historyLost
          ? "response cache: change stream history lost; dropped every cached result, starting afresh"
          : "response cache: change stream failed; reopening from its last resume token",
      );
      timer = setTimeout(() => {
        timer = undefined;
        if (!stopped) open();
      }, REOPEN_DELAY_MS);
      timer.unref();
    });
  };
  open();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const closing = stream;
    stream = undefined;
    await closing?.close().catch(() => undefined);
  };
}
