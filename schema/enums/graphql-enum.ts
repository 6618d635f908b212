import { registerEnumType } from "type-graphql";
import { type StringEnum, stringEnum } from "../../src/domain/string-enum";

/**
 * A GraphQL enum whose values are a list the pipelines own: builds the enum object
 * (`{ HOUR: "hour", … }`, in the list's order) and registers it with type-graphql.
 */
export function graphqlEnum<const V extends string>(
  name: string,
  values: readonly V[],
  description: string,
): StringEnum<V> {
  const enumObject = stringEnum(values);
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
