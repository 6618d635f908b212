import { CaseOrderField } from "../../schema/enums/case-order-field.enum";
import { PRIORITY_RANK, type Priority } from "../../schema/enums/priority.enum";
import { SEVERITY_RANK, type Severity } from "../../schema/enums/severity.enum";
import { SortDirection } from "../../schema/enums/sort-direction.enum";
import type { CaseOrder } from "../../schema/inputs/case-order.input";
import type { KeysetOrdering } from "./keyset-ordering";
import { valuesByRank } from "./values-by-rank";

/** The keyset ordering of a CaseOrder; newest first when none is given. */
export function caseOrdering(order: CaseOrder | null | undefined): KeysetOrdering {
  const field = order?.field ?? CaseOrderField.CREATED_AT;
  const sortDirection = order?.direction ?? SortDirection.DESC;
  const name = `cases:${field}:${sortDirection}`;
  const direction = sortDirection === SortDirection.ASC ? 1 : -1;
  switch (field) {
    case CaseOrderField.CREATED_AT:
      return { kind: "date", name, field: "created_at", direction };
    case CaseOrderField.UPDATED_AT:
      return { kind: "date", name, field: "updated_at", direction };
    case CaseOrderField.SEVERITY:
      return {
        kind: "rank",
        name,
        field: "severity",
        direction,
        values: valuesByRank<Severity>(SEVERITY_RANK),
      };
    case CaseOrderField.PRIORITY:
      return {
        kind: "rank",
        name,
        field: "priority",
        direction,
        values: valuesByRank<Priority>(PRIORITY_RANK),
      };
  }
}
