import type { Document, Filter } from "mongodb";

/**
 * `{field: {$in: values}}` for each of `fields` a list filter gives values for, in the order
 * of `fields`: the filters' "any of these" criteria, whose names are the stored field names.
 */
export function inConditions<TDocument extends Document, TFilter extends object>(
  filter: TFilter,
  fields: readonly (keyof TFilter & string)[],
): Filter<TDocument>[] {
  return fields.flatMap((field) => {
    const values = filter[field];
    return values ? [{ [field]: { $in: values } } as Filter<TDocument>] : [];
  });
}
