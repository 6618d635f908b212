import type { Collation } from "../collation/collation";

/** What a command adds to its filters, sorts and update pipelines: `let` variables and a collation. */
export interface QueryScope {
  /** The command's `let` document, readable as `$$name`. */
  variables?: Record<string, unknown>;
  /** undefined = the simple (binary) collation. */
  collation?: Collation;
}
