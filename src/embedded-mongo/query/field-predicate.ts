/** What a filter says about one field that an index can use. */
export interface FieldPredicate {
  /** Equality values ($eq, implicit equality, $in); any of them may match. */
  eq?: unknown[];
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}
