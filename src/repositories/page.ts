/**
 * A page of a Relay connection as repositories return it. The schema's connection
 * types (schema/types/connection.type-factory.ts) resolve `totalCount` by calling
 * `countTotal`, so the count query runs only when a client selects it.
 */
export interface Page<TNode> {
  edges: { cursor: string; node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  countTotal: () => Promise<number>;
}
