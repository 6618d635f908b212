import { Long, Timestamp } from "bson";
import type { ChangeBatch } from "./change-stream-cursor";
import type { ChangeStreamHub } from "./change-stream-hub";

/** `{cursor: {firstBatch|nextBatch, postBatchResumeToken, id, ns}, operationTime, ok: 1}` as mongod sends it. */
export function changeStreamReply(
  batchKey: "firstBatch" | "nextBatch",
  batch: ChangeBatch,
  id: Long,
  ns: string,
  hub: ChangeStreamHub,
): Record<string, unknown> {
  const time = hub.history.clusterTime;
  return {
    cursor: {
      [batchKey]: batch.events,
      postBatchResumeToken: batch.postBatchResumeToken,
      id: batch.invalidated ? Long.ZERO : id,
      ns,
    },
    operationTime: new Timestamp({ t: time.t, i: time.i }),
    ok: 1,
  };
}
