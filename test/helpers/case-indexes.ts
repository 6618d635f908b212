/**
 * The cases collection's indexes as the data model lists them, written out here rather than
 * imported from the gateway: the keys of the plain indexes, then the fields of the text index.
 */
export const CASE_INDEX_KEYS: readonly Record<string, 1 | -1>[] = [
  { created_at: 1 },
  { status: 1, severity: 1 },
  { status: 1, created_at: -1 },
  { assignee: 1 },
  { tags: 1 },
  { priority: 1 },
];

/** The fields of the cases' text index, in the order the data model gives them. */
export const CASE_TEXT_FIELDS: readonly string[] = ["title", "description", "tags"];
