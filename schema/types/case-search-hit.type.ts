import { Field, Float, ObjectType } from "type-graphql";
import { Case } from "./case.type";

/** A case found by full-text search, with MongoDB's relevance score. */
@ObjectType("CaseSearchHit", { description: "A case found by full-text search" })
export class CaseSearchHit {
  @Field(() => Case) case!: Case;

  @Field(() => Float, {
    description:
      "MongoDB text score: higher is more relevant. A match in the title weighs 10, in the tags 5, in the description 1",
  })
  score!: number;
}
