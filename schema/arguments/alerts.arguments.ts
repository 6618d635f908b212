import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { AlertFilter } from "../inputs/alert-filter.input";
import { AlertOrder } from "../inputs/alert-order.input";
import { ConnectionArguments } from "./connection.arguments";
import type { AlertListCriteria } from "../../src/domain/alert-list.criteria";

/** Arguments of `Query.alerts`. */
@ArgsType()
export class AlertsArguments extends ConnectionArguments implements AlertListCriteria {
  @Field(() => AlertFilter, { nullable: true })
  @ValidateNested()
  filter?: AlertFilter;

  @Field(() => AlertOrder, { nullable: true, description: "Defaults to newest first (TIMESTAMP DESC)" })
  orderBy?: AlertOrder;
}
