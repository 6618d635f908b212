import type { Doc } from "./doc";

/**
 * One document-level change; every write of a collection goes through Collection.apply with one.
 * `replace` marks an update by a replacement document (change streams report it as "replace").
 */
export type WriteChange =
  | { op: "insert"; doc: Doc }
  | { op: "update"; rid: number; doc: Doc; replace?: boolean }
  | { op: "delete"; rid: number };
