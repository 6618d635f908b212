import { Field, Int, ObjectType } from "type-graphql";
import { Severity } from "../enums/severity.enum";

/** Number of alerts of one severity. */
@ObjectType("SeverityCount", { description: "Number of alerts of one severity" })
export class SeverityCount {
  @Field(() => Severity) severity!: Severity;

  @Field(() => Int) count!: number;
}
