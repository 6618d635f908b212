import { AlertOrderField } from "../../schema/enums/alert-order-field.enum";
import { SEVERITY_RANK, type Severity } from "../../schema/enums/severity.enum";
import { SortDirection } from "../../schema/enums/sort-direction.enum";
import type { AlertOrder } from "../../schema/inputs/alert-order.input";
import type { KeysetOrdering } from "./keyset-ordering";
import { valuesByRank } from "./values-by-rank";

/** The keyset ordering of an AlertOrder; newest first when none is given. */
export function alertOrdering(order: AlertOrder | null | undefined): KeysetOrdering {
  const field = order?.field ?? AlertOrderField.TIMESTAMP;
  const sortDirection = order?.direction ?? SortDirection.DESC;
  const name = `alerts:${field}:${sortDirection}`;
  const direction = sortDirection === SortDirection.ASC ? 1 : -1;
  switch (field) {
    case AlertOrderField.TIMESTAMP:
      return { kind: "date", name, field: "timestamp", direction };
    case AlertOrderField.SEVERITY:
      return {
        kind: "rank",
        name,
        field: "severity",
        direction,
        values: valuesByRank<Severity>(SEVERITY_RANK),
      };
  }
}
