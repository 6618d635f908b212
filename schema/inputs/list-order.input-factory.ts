import { Field, InputType } from "type-graphql";
import type { ListOrderCriteria } from "../../src/domain/list-order.criteria";
import { SortDirection } from "../enums/sort-direction.enum";

/**
 * The order input of a list, `${entity}Order` (AlertOrder, CaseOrder): one of the list's sort
 * keys (`fields`, a registered enum; `defaultField` when none is given), then a direction
 * (DESC unless given). `nouns` names the list's items in the description.
 */
export function listOrderInputType<TField extends string>(
  entity: string,
  nouns: string,
  fields: object,
  defaultField: TField,
) {
  @InputType(`${entity}Order`, { description: `Order of a list of ${nouns}; ties are broken by id` })
  class ListOrder implements ListOrderCriteria<TField> {
    @Field(() => fields, { nullable: true }) field: TField = defaultField;

    @Field(() => SortDirection, { nullable: true }) direction: SortDirection = SortDirection.DESC;
  }
  return ListOrder;
}
