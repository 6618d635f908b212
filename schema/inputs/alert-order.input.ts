import { Field, InputType } from "type-graphql";
import { AlertOrderField } from "../enums/alert-order-field.enum";
import { SortDirection } from "../enums/sort-direction.enum";
import type { ListOrderCriteria } from "../../src/domain/list-order.criteria";

/** Order of a list of alerts. */
@InputType("AlertOrder", { description: "Order of a list of alerts; ties are broken by id" })
export class AlertOrder implements ListOrderCriteria<AlertOrderField> {
  @Field(() => AlertOrderField, { nullable: true })
  field: AlertOrderField = AlertOrderField.TIMESTAMP;

  @Field(() => SortDirection, { nullable: true })
  direction: SortDirection = SortDirection.DESC;
}
