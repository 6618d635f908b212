import type { AlertFilterCriteria } from "./alert-filter.criteria";
import type { AlertOrderField } from "./alert-order-field.enum";
import type { ListOrderCriteria } from "./list-order.criteria";
import type { PageRequestCriteria } from "./page-request.criteria";

/** One page of alerts: which, in which order. */
export interface AlertListCriteria extends PageRequestCriteria {
  filter?: AlertFilterCriteria;
  orderBy?: ListOrderCriteria<AlertOrderField>;
}
