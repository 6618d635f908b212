import type { ChangeStream, ChangeStreamDocument, Db, Document, ResumeToken } from "mongodb";
import { ObjectId } from "mongodb";
import { cannotResumeChangeStream } from "../db/cannot-resume-change-stream";
import type { ChangeFeed, LiveChange, WatchedCollection } from "./live-change";
import { type CollectionWatch, type FeedOptions, idleWatch, PerCollectionFeed } from "./per-collection-feed";

/** Wait before reopening a stream that failed with an error the driver does not resume from. */
const REOPEN_DELAY_MS = 1_000;

interface Watcher extends CollectionWatch {
  stream: ChangeStream | undefined;
  resumeToken: ResumeToken | undefined;
}

export type ChangeStreamFeedOptions = FeedOptions;

/**
 * One change stream per watched collection per process (`collection.watch()`),
 * fanned out to every listener. The driver resumes by itself after a network error;
 * after any other error the stream is reopened from its last resume token, and when
 * that token is too old (ChangeStreamHistoryLost) it starts afresh and reports
 * `resync`, so every live result is recomputed once.
 */
export class ChangeStreamFeed extends PerCollectionFeed<Watcher> implements ChangeFeed {
  readonly mode = "change-stream" as const;

  protected start(collection: WatchedCollection): Watcher {
    const watcher: Watcher = { ...idleWatch(), stream: undefined, resumeToken: undefined };
    watcher.ready = this.open(collection, watcher);
    return watcher;
  }

  private open(collection: WatchedCollection, watcher: Watcher): Promise<void> {
    const options = watcher.resumeToken ? { resumeAfter: watcher.resumeToken } : {};
    const stream = this.options.db.collection(collection).watch<Document, ChangeStreamDocument>([], options);
    watcher.stream = stream;
    const emit = (change: LiveChange) =>
      this.listeners.emit(change, (error) =>
        this.options.log.error({ err: error, collection }, "live: a change listener failed"),
      );
    stream.on("change", (event: ChangeStreamDocument) => {
      watcher.resumeToken = event._id;
      const key = "documentKey" in event ? (event.documentKey as { _id?: unknown })._id : undefined;
      const type = event.operationType;
      if (
        (type === "insert" || type === "update" || type === "replace" || type === "delete") &&
        key instanceof ObjectId
      ) {
        emit({ collection, type, id: key });
      } else {
        emit({ collection, type: "changed" });
      }
    });
    return new Promise<void>((resolve, reject) => {
      let opened = false;
      // The driver emits no "init"; its first resume token (from the aggregate's
      // postBatchResumeToken) says the stream is open on the server.
      stream.on("resumeTokenChanged", (token: ResumeToken) => {
        watcher.resumeToken = token;
        if (!opened) {
          opened = true;
          resolve();
        }
      });
      stream.on("error", (error: unknown) => {
        if (!opened) {
          void stream.close().catch(() => undefined);
          reject(error);
          return;
        }
        if (watcher.stopped) return;
        const historyLost = cannotResumeChangeStream(error);
        this.options.log.warn(
          { err: error, collection },
          historyLost
            ? "live: change stream history lost; starting afresh and recomputing every live result"
            : "live: change stream failed; reopening from its last resume token",
        );
        if (historyLost) watcher.resumeToken = undefined;
        void stream.close().catch(() => undefined);
        watcher.timer = this.options.clock.setTimeout(async () => {
          watcher.timer = undefined;
          if (watcher.stopped) return;
          try {
            await this.open(collection, watcher);
            if (historyLost) emit({ collection, type: "resync" });
          } catch (reopenError) {
            this.options.log.error({ err: reopenError, collection }, "live: cannot reopen the change stream");
            stream.emit("error", reopenError as Error);
          }
        }, REOPEN_DELAY_MS);
      });
    });
  }

  protected override async release(watcher: Watcher): Promise<void> {
    await watcher.stream?.close().catch(() => undefined);
  }
}

/** True when the deployment serves change streams on `db` (one aggregate, its cursor killed at once). */
export async function supportsChangeStreams(db: Db): Promise<{ supported: boolean; reason?: string }> {
  try {
    const reply = await db.command({ aggregate: "alerts", pipeline: [{ $changeStream: {} }], cursor: {} });
    const id = (reply as { cursor?: { id?: unknown } }).cursor?.id;
    if (id && !(typeof id === "number" && id === 0)) {
      await db.command({ killCursors: "alerts", cursors: [id] }).catch(() => undefined);
    }
    return { supported: true };
  } catch (error) {
    return { supported: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
