import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { CaseStatisticsFilter } from "../inputs/case-statistics-filter.input";

/** Arguments of `Query.caseStatistics`. */
@ArgsType()
export class CaseStatisticsArguments {
  @Field(() => CaseStatisticsFilter, { nullable: true })
  @ValidateNested()
  filter?: CaseStatisticsFilter;
}
