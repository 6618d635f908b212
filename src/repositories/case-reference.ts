import type { ClientSession, Collection, ObjectId } from "mongodb";
import type { CaseDocument } from "../db/case.document";
import { updateVersioned } from "./versioned-update";

/*
 * Guards of a reference to a case (an alert's case_id): the case must exist when the
 * reference is written, and must not be deleted meanwhile.
 */

/**
 * Writes to a case that another document is about to reference (an alert linked to it):
 * NOT_FOUND unless the case exists, and its updated_at moves on. In a transaction, this
 * write is what makes a concurrent deleteCase of the same case conflict, so one of the
 * two starts again and sees the other's outcome: without it, each would commit on its
 * own snapshot and leave an alert pointing to a deleted case.
 */
export async function touchCase(
  cases: Collection<CaseDocument>,
  id: ObjectId,
  session: ClientSession | undefined,
  maxTimeMS: number,
): Promise<void> {
  await updateVersioned({
    collection: cases,
    id,
    entity: "Case",
    session,
    maxTimeMS,
    plan: () => ({ set: {} }),
  });
}

/** Whether the case exists (outside transactions: the check after linking). */
export async function caseExists(
  cases: Collection<CaseDocument>,
  id: ObjectId,
  maxTimeMS: number,
): Promise<boolean> {
  return (await cases.findOne({ _id: id }, { maxTimeMS, projection: { _id: 1 } })) !== null;
}
