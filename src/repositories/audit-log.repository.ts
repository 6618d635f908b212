import type { Collection, Filter } from "mongodb";
import type { AuditLogListCriteria } from "../domain/audit-log-list.criteria";
import type { AuditLogEntryRecord } from "../domain/audit-log-entry.record";
import type { AuditLogDocument } from "../audit/audit-log.document";
import { toAuditLogEntry } from "./audit-log.mapper";
import type { KeysetOrdering } from "./keyset-ordering";
import { findPage } from "./find-page";
import type { Page } from "./page";
import type { RepositoryOptions } from "./repository-options";
import { parseObjectId } from "../db/parse-object-id";

/**
 * Audit entries come newest first: (created_at, _id) descending, served by the indexes
 * {created_at: -1, _id: -1} and {target_id: 1, created_at: -1, _id: -1}.
 */
const AUDIT_LOG_ORDERING: KeysetOrdering = {
  kind: "date",
  name: "audit_logs:CREATED_AT:DESC",
  field: "created_at",
  direction: -1,
};

/** Reads of the `audit_logs` collection. */
export class AuditLogRepository {
  constructor(
    private readonly collection: Collection<AuditLogDocument>,
    private readonly options: RepositoryOptions,
  ) {}

  /** One page of `Query.auditLog` (keyset paging, see keyset-pager.ts). */
  async page(args: AuditLogListCriteria): Promise<Page<AuditLogEntryRecord>> {
    const filter: Filter<AuditLogDocument> = {};
    if (args.targetId) filter.target_id = parseObjectId(args.targetId, "targetId");
    if (args.action) filter.action = args.action;
    const query = { filter, ordering: AUDIT_LOG_ORDERING };
    return findPage(this.collection, this.options, query, args, toAuditLogEntry);
  }
}
