import type { ClientSession, Collection, ObjectId } from "mongodb";
import type { CaseDocument } from "../db/case.document";
import type { UserDocument } from "../db/user.document";
import { NotFoundError } from "../errors/gateway-error";
import { updateVersioned } from "./versioned-update";

/** NOT_FOUND unless the user exists. */
export async function requireUser(
  users: Collection<UserDocument>,
  id: ObjectId,
  session: ClientSession | undefined,
  maxTimeMS: number,
): Promise<void> {
  const found = await users.findOne({ _id: id }, { session, maxTimeMS, projection: { _id: 1 } });
  if (!found) throw new NotFoundError("User", id.toHexString());
}

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
