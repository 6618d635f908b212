import { connectionType } from "./connection.type-factory";
import { User } from "./user.type";

/** A page of users (Relay connection), with its UserEdge. */
export const UserConnection = connectionType(User, {
  name: "User",
  description: "A page of users",
  noun: "user",
  nouns: "users",
});
