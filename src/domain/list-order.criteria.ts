import type { SortDirection } from "./sort-direction.enum";

/** Order of a list: a sort key of the list's own and a direction; ties are broken by id. */
export interface ListOrderCriteria<Field extends string> {
  field?: Field;
  direction?: SortDirection;
}
