import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { caseDimensionsType } from "./case-dimensions.type-factory";

/** The backlog of one bucket and dimension combination. */
@ObjectType("CaseBacklogRow", {
  description: "Open, opened and resolved cases of one bucket and combination",
})
export class CaseBacklogRow extends caseDimensionsType(Object, {}) {
  @Field(() => DateTimeScalar, { description: "Start of the bucket" }) bucket!: Date;

  @Field(() => String) bucketLabel!: string;

  @Field(() => Int, { description: "Cases created before the bucket's end and not resolved by then" })
  open!: number;

  @Field(() => Int, { description: "Cases created during the bucket" }) opened!: number;

  @Field(() => Int, { description: "Cases resolved during the bucket" }) resolved!: number;
}
