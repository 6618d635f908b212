import type { PageRequestCriteria } from "./page-request.criteria";

/** One page of the audit trail, newest first, optionally of one document or one action. */
export interface AuditLogListCriteria extends PageRequestCriteria {
  targetId?: string | null;
  action?: string | null;
}
