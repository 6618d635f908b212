/** What a user may do. Values are what MongoDB stores. */
export enum UserRole {
  ADMIN = "admin",
  ANALYST = "analyst",
  RESPONDER = "responder",
  VIEWER = "viewer",
}
