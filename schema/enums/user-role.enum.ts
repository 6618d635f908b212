import { registerEnumType } from "type-graphql";

/** What a user may do. Values are what MongoDB stores. */
export enum UserRole {
  ADMIN = "admin",
  ANALYST = "analyst",
  RESPONDER = "responder",
  VIEWER = "viewer",
}

registerEnumType(UserRole, { name: "UserRole", description: "Role of a user" });
