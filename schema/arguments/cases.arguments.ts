import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { CaseFilter } from "../inputs/case-filter.input";
import { CaseOrder } from "../inputs/case-order.input";
import { ConnectionArguments } from "./connection.arguments";
import type { CaseListCriteria } from "../../src/domain/case-list.criteria";

/** Arguments of `Query.cases`. */
@ArgsType()
export class CasesArguments extends ConnectionArguments implements CaseListCriteria {
  @Field(() => CaseFilter, { nullable: true })
  @ValidateNested()
  filter?: CaseFilter;

  @Field(() => CaseOrder, { nullable: true, description: "Defaults to newest first (CREATED_AT DESC)" })
  orderBy?: CaseOrder;
}
