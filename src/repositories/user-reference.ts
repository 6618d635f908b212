import type { ClientSession, Collection, ObjectId } from "mongodb";
import type { UserDocument } from "../db/user.document";
import { NotFoundError } from "../errors/gateway-error";

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
