import type { Long } from "bson";
import type { Doc } from "../storage/doc";

/** An open cursor: where its remaining documents come from and when it was last used. */
export interface ServerCursor {
  id: Long;
  key: string;
  ns: string;
  source: Iterator<Doc>;
  /** A document taken from the source but not yet sent (peeked or over the size limit). */
  pending: Doc[];
  lastUsed: number;
  noTimeout: boolean;
  /** Kept when its collection is dropped or renamed (a change stream reports that instead). */
  survivesDrop?: boolean;
}
