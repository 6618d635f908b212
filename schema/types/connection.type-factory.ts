import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "./page-info.type";

/** How a connection speaks of its nodes, in its name and its descriptions. */
export interface ConnectionNaming {
  /** The node type's name: "Case" gives CaseConnection and CaseEdge. */
  name: string;
  /** The connection's description, e.g. "A page of cases". */
  description: string;
  /** One node and several, e.g. "case" and "cases", in the field descriptions. */
  noun: string;
  nouns: string;
}

/**
 * A Relay connection type and its edge type over one node type (type-graphql's
 * generic-types pattern). Its root is a Page of the repositories (src/repositories/page.ts):
 * `totalCount` calls `countTotal`, so counting is a query of its own that runs only when a
 * client selects it.
 */
export function connectionType<TNode extends object>(node: ClassType<TNode>, naming: ConnectionNaming) {
  @ObjectType(`${naming.name}Edge`)
  class Edge {
    @Field(() => String, { description: `Opaque; pass as \`after\` to continue after this ${naming.noun}` })
    cursor!: string;

    @Field(() => node) node!: TNode;
  }

  @ObjectType(`${naming.name}Connection`, { description: naming.description })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];

    @Field(() => PageInfo) pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: `Number of ${naming.nouns} matching the filter, across all pages` })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }

  return Connection;
}
