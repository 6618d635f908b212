import type { Doc } from "../storage/doc";
import type { Index } from "../storage/collection-index";

/**
 * (Re)indexes a document in the collection's text index, if any. TextIndex.add scores the document
 * before changing anything, so a bad language override (17261/17262) throws with nothing modified:
 * call it before the write is committed.
 */
export function indexText(indexes: Map<string, Index>, rid: number, doc: Doc): void {
  for (const index of indexes.values()) index.text?.add(rid, doc);
}

/** Removes a record from the collection's text index, if any. */
export function unindexText(indexes: Map<string, Index>, rid: number): void {
  for (const index of indexes.values()) index.text?.remove(rid);
}

/** Builds a new text index over the existing documents (createIndexes on a populated collection). */
export function buildText(index: Index, docs: Iterable<[number, Doc]>): void {
  if (!index.text) return;
  for (const [rid, doc] of docs) index.text.add(rid, doc);
}
