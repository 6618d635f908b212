import { Field, ObjectType } from "type-graphql";

/** Where a page of a connection ends and whether another follows (forward paging). */
@ObjectType("PageInfo", { description: "Position of a page within its connection" })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether a page follows; pass endCursor as `after` to fetch it" })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; null for an empty page" })
  endCursor!: string | null;
}
