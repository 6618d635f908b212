/**
 * An enum object built from its list of values: `stringEnum(["low", "high"])` is
 * `{ LOW: "low", HIGH: "high" }`, keys in the order of the list. The list is the one
 * home of the values (pipelines and stored documents use it as is); the object gives
 * the `Severity.LOW` spelling and is what type-graphql's `registerEnumType` takes.
 */
export type StringEnum<V extends string> = { readonly [K in V as Uppercase<K>]: K };

export function stringEnum<const V extends string>(values: readonly V[]): StringEnum<V> {
  return Object.freeze(
    Object.fromEntries(values.map((value) => [value.toUpperCase(), value])),
  ) as StringEnum<V>;
}

/** Each value's 1-based position in the list: a rank where the list runs from lowest to highest. */
export function positionsOf<const V extends string>(values: readonly V[]): Readonly<Record<V, number>> {
  return Object.freeze(Object.fromEntries(values.map((value, index) => [value, index + 1]))) as Record<
    V,
    number
  >;
}
