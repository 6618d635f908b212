import type { ServerCursor } from "../cursors/server-cursor";
import type { ChangeStreamCursor } from "./change-stream-cursor";

/** The change stream behind each open server cursor that is one. */
export const changeStreamCursors = new WeakMap<ServerCursor, ChangeStreamCursor>();
