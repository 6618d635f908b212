import type { Doc } from "./doc";

/** One document-level change; every write of a collection goes through Collection.apply with one. */
export type WriteChange =
  { op: "insert"; doc: Doc } | { op: "update"; rid: number; doc: Doc } | { op: "delete"; rid: number };
