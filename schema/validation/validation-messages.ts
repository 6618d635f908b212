import { OBJECT_ID_MESSAGE } from "../../src/db/parse-object-id";

/**
 * Wording of argument validation messages. validateArguments prefixes each with
 * `Argument "<path>"`, so they read as predicates.
 */
export const VALIDATION_MESSAGES = {
  pageSizeMin: "must be at least 1",
  objectId: OBJECT_ID_MESSAGE,
  tooManyItems: "must list at most $constraint1 items",
  tooLong: "must be at most $constraint1 characters long",
  notBlank: "must not be empty or only whitespace",
} as const;
