import type { UserDocument } from "../db/user.document";
import { User } from "../../schema/types/user.type";

/** The one place a `users` document (snake_case, as stored) becomes a GraphQL User. */
export function toUser(document: UserDocument): User {
  const node = new User();
  node.objectId = document._id;
  node.id = document._id.toHexString();
  node.email = document.email;
  node.name = document.name;
  node.role = document.role;
  node.settings = document.settings ?? {};
  node.createdAt = document.created_at;
  node.lastLogin = document.last_login ?? null;
  return node;
}
