import { ArgsType, Field } from "type-graphql";
import { PageSizeField } from "../validation/page-size-field.decorator";

/** `first` and `after` of every connection: one page of at most MAX_PAGE_SIZE after a cursor. */
@ArgsType()
export class ConnectionArguments {
  @PageSizeField("Page size, from 1 to MAX_PAGE_SIZE (100 unless configured)") first = 20;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page" }) after?: string;
}
