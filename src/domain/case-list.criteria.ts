import type { CaseFilterCriteria } from "./case-filter.criteria";
import type { CaseOrderField } from "./case-order-field.enum";
import type { ListOrderCriteria } from "./list-order.criteria";
import type { PageRequestCriteria } from "./page-request.criteria";

/** One page of cases: which, in which order. */
export interface CaseListCriteria extends PageRequestCriteria {
  filter?: CaseFilterCriteria;
  orderBy?: ListOrderCriteria<CaseOrderField>;
}
