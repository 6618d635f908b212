import { AlertOrderField } from "../domain/alert-order-field.enum";
import { CaseOrderField } from "../domain/case-order-field.enum";
import type { ListOrderCriteria } from "../domain/list-order.criteria";
import { PRIORITY_RANK } from "../domain/priority.enum";
import { SEVERITY_RANK } from "../domain/severity.enum";
import { SortDirection } from "../domain/sort-direction.enum";
import type { KeysetOrdering } from "./keyset-ordering";
import { valuesByRank } from "./values-by-rank";

/** How one sort key is stored: a Date field, or a string enum ordered by rank (not alphabetically). */
type SortKey =
  { kind: "date"; field: string } | { kind: "rank"; field: string; ranks: Readonly<Record<string, number>> };

/** The orderings one list offers: its sort keys by API name, and the one used when none is given. */
export interface OrderingTable<Field extends string> {
  /** Prefix of the ordering's name inside cursors, e.g. "cases". */
  list: string;
  defaultField: Field;
  keys: Readonly<Record<Field, SortKey>>;
}

/** `Query.cases`: newest first unless asked otherwise. */
export const CASE_ORDERINGS: OrderingTable<CaseOrderField> = {
  list: "cases",
  defaultField: CaseOrderField.CREATED_AT,
  keys: {
    [CaseOrderField.CREATED_AT]: { kind: "date", field: "created_at" },
    [CaseOrderField.UPDATED_AT]: { kind: "date", field: "updated_at" },
    [CaseOrderField.SEVERITY]: { kind: "rank", field: "severity", ranks: SEVERITY_RANK },
    [CaseOrderField.PRIORITY]: { kind: "rank", field: "priority", ranks: PRIORITY_RANK },
  },
};

/** `Query.alerts`: newest first unless asked otherwise. */
export const ALERT_ORDERINGS: OrderingTable<AlertOrderField> = {
  list: "alerts",
  defaultField: AlertOrderField.TIMESTAMP,
  keys: {
    [AlertOrderField.TIMESTAMP]: { kind: "date", field: "timestamp" },
    [AlertOrderField.SEVERITY]: { kind: "rank", field: "severity", ranks: SEVERITY_RANK },
  },
};

/** The keyset ordering of a list order; the table's default field, descending, when none is given. */
export function listOrdering<Field extends string>(
  table: OrderingTable<Field>,
  order: ListOrderCriteria<Field> | null | undefined,
): KeysetOrdering {
  const field = order?.field ?? table.defaultField;
  const sortDirection = order?.direction ?? SortDirection.DESC;
  const name = `${table.list}:${field}:${sortDirection}`;
  const direction = sortDirection === SortDirection.ASC ? 1 : -1;
  const key = table.keys[field];
  if (key.kind === "date") return { kind: "date", name, field: key.field, direction };
  return { kind: "rank", name, field: key.field, direction, values: valuesByRank(key.ranks) };
}
