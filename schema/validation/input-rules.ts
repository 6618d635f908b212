import {
  ALERT_LABEL_MAX_LENGTH,
  ALERT_MESSAGE_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MAX_DEPTH,
  EMAIL_MAX_LENGTH,
  MAX_TAGS,
  NAME_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  RESOLUTION_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from "../../src/validation/write-limits";

/**
 * The rules of the write API's inputs as the schema states them, written from the
 * constants the checks use (src/validation/write-limits.ts).
 */
export const INPUT_RULES = {
  title: `1 to ${TITLE_MAX_LENGTH} characters after trimming; stored trimmed`,
  description: `At most ${DESCRIPTION_MAX_LENGTH} characters; stored as given`,
  tags:
    `Tags: each trimmed, 1 to ${TAG_MAX_LENGTH} characters (TAG_MAX_LENGTH); duplicates are dropped; ` +
    `at most ${MAX_TAGS} distinct tags (MAX_TAGS)`,
  document: (what: string) =>
    `${what}: a JSON object whose keys never start with "$" nor contain "." (at any depth), ` +
    `at most ${DOCUMENT_MAX_DEPTH} levels deep (DOCUMENT_MAX_DEPTH) and ` +
    `${DOCUMENT_MAX_BYTES} bytes as JSON (DOCUMENT_MAX_BYTES)`,
  name: `1 to ${NAME_MAX_LENGTH} characters after trimming; stored trimmed`,
  email: `An e-mail address of at most ${EMAIL_MAX_LENGTH} characters; stored trimmed and lower-cased; unique (CONFLICT otherwise)`,
  note: `1 to ${NOTE_MAX_LENGTH} characters after trimming`,
  resolution: `How the alert was resolved: 1 to ${RESOLUTION_MAX_LENGTH} characters after trimming`,
  alertLabel: `1 to ${ALERT_LABEL_MAX_LENGTH} characters after trimming; stored trimmed`,
  alertMessage: `At most ${ALERT_MESSAGE_MAX_LENGTH} characters; stored as given`,
} as const;
