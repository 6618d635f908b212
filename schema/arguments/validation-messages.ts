/**
 * Wording of argument validation messages. validateArguments prefixes each with
 * `Argument "<path>"`, so they read as predicates.
 */
export const VALIDATION_MESSAGES = {
  pageSizeMin: "must be at least 1",
  objectId: "must be an ID of 24 hexadecimal characters",
  tooManyItems: "must list at most $constraint1 items",
  tooLong: "must be at most $constraint1 characters long",
  notBlank: "must not be empty or only whitespace",
} as const;
