import { ValidateNested } from "class-validator";
import { ArgsType, type ClassType, Field } from "type-graphql";
import { ConnectionArguments } from "./connection.arguments";

/**
 * The arguments of a filtered, ordered connection (alerts, cases): `first` and `after`,
 * a filter input and an order input, as a base class the query's own arguments extend.
 */
export function listArgumentsType<TFilter extends object, TOrder extends object>(
  filter: ClassType<TFilter>,
  order: ClassType<TOrder>,
  orderDescription: string,
) {
  @ArgsType()
  class ListArguments extends ConnectionArguments {
    @Field(() => filter, { nullable: true })
    @ValidateNested()
    filter?: TFilter;

    @Field(() => order, { nullable: true, description: orderDescription }) orderBy?: TOrder;
  }
  return ListArguments;
}
