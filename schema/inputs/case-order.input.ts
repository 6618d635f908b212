import { Field, InputType } from "type-graphql";
import { CaseOrderField } from "../enums/case-order-field.enum";
import { SortDirection } from "../enums/sort-direction.enum";
import type { ListOrderCriteria } from "../../src/domain/list-order.criteria";

/** Order of a list of cases. */
@InputType("CaseOrder", { description: "Order of a list of cases; ties are broken by id" })
export class CaseOrder implements ListOrderCriteria<CaseOrderField> {
  @Field(() => CaseOrderField, { nullable: true })
  field: CaseOrderField = CaseOrderField.CREATED_AT;

  @Field(() => SortDirection, { nullable: true })
  direction: SortDirection = SortDirection.DESC;
}
