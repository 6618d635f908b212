import type { Document } from "mongodb";
import type { KeysetPage } from "./keyset-pager";
import type { Page } from "./page";

/** Turns a keyset page of documents into a connection page of mapped nodes. */
export function toPage<TDocument extends Document, TNode>(
  keysetPage: KeysetPage<TDocument>,
  map: (document: KeysetPage<TDocument>["documents"][number]) => TNode,
  countTotal: () => Promise<number>,
): Page<TNode> {
  const edges = keysetPage.documents.map((document, index) => ({
    cursor: keysetPage.cursors[index]!,
    node: map(document),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: keysetPage.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal,
  };
}
