import type {
  ClientSession,
  Collection,
  Document,
  Filter,
  MatchKeysAndValues,
  ObjectId,
  WithId,
} from "mongodb";
import { ConflictError, NotFoundError } from "../errors/gateway-error";

/** A document whose updated_at the write API maintains: it doubles as its version. */
export interface VersionedDocument extends Document {
  _id: ObjectId;
  updated_at?: Date | null;
}

/** What an update sets, decided from the document as it is now. */
export interface UpdatePlan<TDocument extends VersionedDocument> {
  /** Fields to set (updated_at is added). */
  set: MatchKeysAndValues<TDocument>;
  /** Further conditions the document must still meet for the update to apply. */
  condition?: Filter<TDocument>;
}

export interface VersionedUpdate<TDocument extends VersionedDocument> {
  collection: Collection<TDocument>;
  id: ObjectId;
  /** Names the document in NOT_FOUND and CONFLICT errors, e.g. "Case". */
  entity: string;
  session: ClientSession | undefined;
  maxTimeMS: number;
  /**
   * Decides the update from the current document and the time of the write; throws
   * (e.g. BAD_USER_INPUT for an illegal status change) to write nothing. Called again
   * with the new state when another write got in first.
   */
  plan: (before: WithId<TDocument>, at: Date) => UpdatePlan<TDocument>;
}

/** The result of an update: the stored document before and after, and the time of the write. */
export interface VersionedUpdateResult<TDocument extends VersionedDocument> {
  before: WithId<TDocument>;
  after: WithId<TDocument>;
  at: Date;
}

/** How often an update re-reads and retries after losing a race before it answers CONFLICT. */
export const MAX_UPDATE_ATTEMPTS = 25;

/**
 * A race-safe read-decide-write (optimistic concurrency): reads the document, lets
 * `plan` decide the update from it, and applies it with
 * `findOneAndUpdate({_id, updated_at: <as read>, ...condition}, {$set: {..., updated_at: <later>}})`.
 * updated_at strictly increases on every write (at least 1 ms past the previous value,
 * see nextUpdatedAt), so it works as a version: when another write got in between, the
 * filter matches nothing, and the update starts again from the new state — the outcome
 * is as if the requests had run one after the other. Because the whole update is decided
 * from the `before` the filter pinned, `before` and `after` are exact, which is what the
 * audit entry records. After MAX_UPDATE_ATTEMPTS lost races: CONFLICT.
 */
export async function updateVersioned<TDocument extends VersionedDocument>(
  update: VersionedUpdate<TDocument>,
): Promise<VersionedUpdateResult<TDocument>> {
  const { collection, id, entity, session, maxTimeMS } = update;
  for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
    const before = await collection.findOne({ _id: id } as Filter<TDocument>, { session, maxTimeMS });
    if (!before) throw new NotFoundError(entity, id.toHexString());
    const at = nextUpdatedAt(before.updated_at);
    const { set, condition } = update.plan(before, at);
    const after = await collection.findOneAndUpdate(
      { ...condition, _id: id, updated_at: before.updated_at ?? null } as Filter<TDocument>,
      { $set: { ...set, updated_at: at } as MatchKeysAndValues<TDocument> },
      { session, maxTimeMS, returnDocument: "after" },
    );
    if (after) return { before, after, at };
  }
  throw new ConflictError(
    `${entity} ${id.toHexString()} was changed by other requests ${MAX_UPDATE_ATTEMPTS} times while this one tried to update it; try again`,
    { entity, id: id.toHexString() },
  );
}

/**
 * The updated_at of a write to a document last written at `previous`: now, but at least
 * 1 ms later than `previous`, so that updated_at changes on every write even when two
 * writes fall in the same millisecond (or the clock steps back).
 */
export function nextUpdatedAt(previous: Date | null | undefined, now: Date = new Date()): Date {
  if (!(previous instanceof Date)) return now;
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}
