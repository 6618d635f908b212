import type { Db, Document, ObjectId } from "mongodb";
import { CaseStatus } from "../domain/case-status.enum";
import { COLLECTIONS } from "../db/collection-names";
import { acquireLock, type LockOptions } from "./operation-lock";
import { type OperationReporting, reporterOf } from "./operation-events";

export interface ArchiveCasesOptions extends OperationReporting {
  /** Cases not updated for this long are archived (default 30 days). */
  olderThanMs?: number;
  /** Default: the current time. */
  now?: Date;
  /** Count what would be archived; change nothing. */
  dryRun?: boolean;
  /** Cases per batch (default 1,000). */
  batchSize?: number;
  /**
   * Test hook: stop right after the first batch's $merge, as a crash there would (the
   * batch is then in archived_cases and still in cases).
   */
  stopAfterMerge?: boolean;
  lock?: Omit<LockOptions, "log">;
}

export interface ArchiveCasesResult {
  cutoff: Date;
  /** Archivable cases found at the start. */
  candidates: number;
  /** Copied into archived_cases ($merge). */
  merged: number;
  /** Removed from cases after their copy was confirmed in archived_cases. */
  deleted: number;
  /** Changed between merge and delete: kept in cases, their copy withdrawn from the archive. */
  skipped: number;
  /** Batches of an interrupted earlier run that this run completed. */
  recovered: number;
  batches: number;
  dryRun: boolean;
  interrupted: boolean;
}

/** Operational collection: the batches in flight, one document each (see archiveCases). */
export const ARCHIVE_JOURNAL = "archive_journal";
export const ARCHIVABLE_STATUSES: readonly CaseStatus[] = [CaseStatus.RESOLVED, CaseStatus.CLOSED];
const DAY_MS = 86_400_000;

interface JournalEntry {
  _id: ObjectId;
  ids: ObjectId[];
  started_at: Date;
}

/**
 * Moves resolved and closed cases not updated within the period from `cases` to
 * `archived_cases`, under the "archive" lock, batch by batch in _id order:
 *
 * 1. collect the next batch of archivable _ids and write them to `archive_journal`;
 * 2. `$merge` exactly those cases into archived_cases (on _id; whenMatched "replace",
 *    so a re-run refreshes its own earlier copy; whenNotMatched "insert"; never `$out`,
 *    which would replace the whole archive), stamping `archived_at`;
 * 3. reconcile the batch's ids: a case whose copy is in the archive and whose live
 *    version is still that copy (same updated_at and status) is deleted from cases, by
 *    that exact condition — no time filter is evaluated again; a case that changed after
 *    its copy was taken stays in cases and its stale copy is withdrawn;
 * 4. remove the journal entry.
 *
 * A run first reconciles the journal entries an interrupted run left, so that stopped at
 * any point and run again it loses nothing (a case is deleted only once its copy is in
 * the archive) and keeps nothing twice. Alerts of archived cases are kept as they are:
 * their case_id names the case, now in archived_cases (db cleanup leaves them alone).
 * Cases without updated_at are never archived.
 */
export async function archiveCases(db: Db, options: ArchiveCasesOptions = {}): Promise<ArchiveCasesResult> {
  const report = reporterOf(options);
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? 30 * DAY_MS));
  const batchSize = options.batchSize ?? 1_000;
  const cases = db.collection(COLLECTIONS.cases);
  const journal = db.collection<JournalEntry>(ARCHIVE_JOURNAL);
  const archivable: Document = { status: { $in: [...ARCHIVABLE_STATUSES] }, updated_at: { $lt: cutoff } };

  const result: ArchiveCasesResult = {
    cutoff,
    candidates: await cases.countDocuments(archivable),
    merged: 0,
    deleted: 0,
    skipped: 0,
    recovered: 0,
    batches: 0,
    dryRun: options.dryRun === true,
    interrupted: false,
  };
  report.log(`${result.candidates} resolved or closed cases not updated since ${cutoff.toISOString()}`);
  if (options.dryRun) return result;

  const lock = await acquireLock(db, "archive", { ...options.lock, log: report.log });
  try {
    for await (const entry of journal.find({}).sort({ _id: 1 })) {
      const outcome = await reconcile(db, entry.ids);
      result.deleted += outcome.deleted;
      result.skipped += outcome.skipped;
      await journal.deleteOne({ _id: entry._id });
      result.recovered++;
      report.log(
        `completed a batch of an interrupted run: ${outcome.deleted} archived, ${outcome.skipped} kept`,
      );
    }
    if (result.candidates === 0) return result;

    report.progress("archive", 0, result.candidates);
    let lastId: ObjectId | undefined;
    for (;;) {
      const batch = await cases
        .find(lastId ? { ...archivable, _id: { $gt: lastId } } : archivable, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .limit(batchSize)
        .toArray();
      if (batch.length === 0) break;
      const ids = batch.map((doc) => doc._id as ObjectId);
      lastId = ids[ids.length - 1];
      result.batches++;

      const { insertedId } = await journal.insertOne({ ids, started_at: new Date() } as JournalEntry);
      await cases
        .aggregate([
          { $match: { _id: { $in: ids }, ...archivable } },
          { $set: { archived_at: now } },
          {
            $merge: {
              into: COLLECTIONS.archivedCases,
              on: "_id",
              whenMatched: "replace",
              whenNotMatched: "insert",
            },
          },
        ])
        .toArray();
      result.merged += await db.collection(COLLECTIONS.archivedCases).countDocuments({ _id: { $in: ids } });
      if (options.stopAfterMerge) {
        result.interrupted = true;
        report.log(`stopped after the merge of batch ${result.batches} (stopAfterMerge)`);
        return result;
      }
      const outcome = await reconcile(db, ids);
      result.deleted += outcome.deleted;
      result.skipped += outcome.skipped;
      if (outcome.skipped > 0)
        report.log(`${outcome.skipped} cases changed while being archived; kept in cases`);
      await journal.deleteOne({ _id: insertedId });
      report.progress(
        "archive",
        Math.min(result.candidates, result.deleted + result.skipped),
        result.candidates,
      );
    }
    report.progress("archive", result.candidates, result.candidates);
    return result;
  } finally {
    await lock.release();
  }
}

/**
 * Makes each of `ids` live in exactly one place: deletes the live case where the archive
 * holds the same version of it (one bulk of conditional deletes), then withdraws the
 * archive copy of every case that is still live (it changed after its copy was taken).
 */
async function reconcile(db: Db, ids: ObjectId[]): Promise<{ deleted: number; skipped: number }> {
  const cases = db.collection(COLLECTIONS.cases);
  const archive = db.collection(COLLECTIONS.archivedCases);
  const copies = await archive
    .find({ _id: { $in: ids } }, { projection: { _id: 1, updated_at: 1, status: 1 } })
    .toArray();
  let deleted = 0;
  if (copies.length > 0) {
    const removed = await cases.bulkWrite(
      copies.map((copy) => ({
        deleteOne: { filter: { _id: copy._id, updated_at: copy.updated_at, status: copy.status } },
      })),
      { ordered: false },
    );
    deleted = removed.deletedCount;
  }
  const stillLive = (await cases.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map(
    (doc) => doc._id,
  );
  if (stillLive.length > 0) await archive.deleteMany({ _id: { $in: stillLive } });
  return { deleted, skipped: stillLive.length };
}
