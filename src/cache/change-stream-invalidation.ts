import type { ChangeStream, Db } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import type { ResponseCache } from "./response-cache";

/** The collections cached results read: writes to them from anywhere invalidate. */
const WATCHED = [COLLECTIONS.cases, COLLECTIONS.alerts, COLLECTIONS.users, COLLECTIONS.auditLogs];

/** Where the watcher reports that it stopped (the cache then relies on TTLs alone). */
export interface InvalidationLog {
  warn(details: object, message: string): void;
}

/**
 * Writes made around the gateway (another application, a CLI job) invalidate cached
 * results too, through one change stream on the database. Where change streams are not
 * available (a standalone mongod) or the stream fails, it closes itself and logs once:
 * cached results then live until their TTL ends, as the README says.
 */
export function watchWritesAroundGateway(
  db: Db,
  cache: ResponseCache,
  log: InvalidationLog,
): () => Promise<void> {
  let stream: ChangeStream | undefined = db.watch([{ $match: { "ns.coll": { $in: WATCHED } } }]);
  stream.on("change", (event) => {
    const ns = (event as { ns?: { coll?: string } }).ns;
    cache.invalidate(ns?.coll ? [ns.coll] : WATCHED);
  });
  stream.on("error", (error) => {
    log.warn({ err: error }, "response cache: change stream closed; cached results now expire by TTL only");
    const closing = stream;
    stream = undefined;
    void closing?.close().catch(() => undefined);
  });
  return async () => {
    const closing = stream;
    stream = undefined;
    await closing?.close().catch(() => undefined);
  };
}
