import { Field, Float, Int, ObjectType } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { Severity } from "../enums/severity.enum";

/** Number of cases and mean resolution time for one (status, severity) pair. */
@ObjectType("CaseStatistic", { description: "Cases of one status and severity" })
export class CaseStatistic {
  @Field(() => CaseStatus) status!: CaseStatus;

  @Field(() => Severity) severity!: Severity;

  @Field(() => Int) count!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean seconds from creation to resolution over the resolved cases; null when none is",
  })
  avgResolutionTimeSeconds!: number | null;
}
