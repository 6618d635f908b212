import type { PageRequestCriteria } from "./page-request.criteria";
import type { UserFilterCriteria } from "./user-filter.criteria";

/** One page of users. */
export interface UserListCriteria extends PageRequestCriteria {
  filter?: UserFilterCriteria;
}
