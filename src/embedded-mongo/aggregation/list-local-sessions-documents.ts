import { createHash } from "node:crypto";
import { Binary, UUID } from "bson";
import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";
import { sessionsOf } from "../sessions/session-manager";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";

/** Without authentication every session belongs to the same (empty) user: SHA-256 of nothing. */
const NO_AUTH_UID = new Binary(createHash("sha256").digest(), 0);

/**
 * The documents of a leading $listLocalSessions stage: the sessions the engine holds in memory,
 * as `{_id: {id, uid}, lastUse}`. `{}` and `{allUsers: true}` list them all (no authentication
 * here); `{users: [...]}` names users that own none of them.
 */
export function listLocalSessionsDocuments(engine: Engine, spec: unknown): Doc[] {
  if (!isPlainObject(spec)) {
    throw new CommandError(14, "$listLocalSessions options must be specified in an object");
  }
  for (const field of Object.keys(spec)) {
    if (field !== "allUsers" && field !== "users") {
      throw new CommandError(40415, `BSON field '$listLocalSessions.${field}' is an unknown field.`);
    }
  }
  if (spec.allUsers === true && spec.users !== undefined) {
    throw new CommandError(2, "Can not specify both 'users' and 'allUsers'");
  }
  if (Array.isArray(spec.users) && spec.users.length > 0) return [];
  return [...sessionsOf(engine).sessions.values()].map((s) => ({
    _id: { id: new UUID(s.key), uid: NO_AUTH_UID },
    lastUse: new Date(s.lastUse),
  }));
}
