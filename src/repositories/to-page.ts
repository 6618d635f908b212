import type { Document } from "mongodb";
import type { KeysetPage } from "./keyset-pager";
import type { Page } from "./page";

/**
 * Turns a keyset page of documents into a connection page of mapped nodes. Cursors
 * (edge `cursor`, `pageInfo.endCursor`) are getters: encoded only if a client selects them.
 */
export function toPage<TDocument extends Document, TNode>(
  keysetPage: KeysetPage<TDocument>,
  map: (document: KeysetPage<TDocument>["documents"][number]) => TNode,
  countTotal: () => Promise<number>,
): Page<TNode> {
  const edges = keysetPage.documents.map((document, index) => ({
    get cursor() {
      return keysetPage.cursorAt(index);
    },
    node: map(document),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: keysetPage.hasNextPage,
      get endCursor() {
        return edges.length > 0 ? keysetPage.cursorAt(edges.length - 1) : null;
      },
    },
    countTotal,
  };
}
