import type { Filter, ObjectId } from "mongodb";
import type { AlertListCriteria } from "../domain/alert-list.criteria";
import type { AlertRecord } from "../domain/alert.record";
import type { AlertDocument } from "../db/alert.document";
import { toAlert } from "./alert.mapper";
import { alertFilterQuery } from "./alert-filter.query";
import type { StoredFields } from "../db/stored-fields";
import { RecordReads } from "./record-reads";
import { newestPerGroup } from "./newest-per-group";
import type { Page } from "./page";
import { ALERT_ORDERINGS, listOrdering } from "./list-ordering";

/** Reads of the `alerts` collection. Batch methods serve the per-request loaders. */
export class AlertRepository extends RecordReads<AlertDocument, AlertRecord> {
  protected readonly toRecord = toAlert;

  /** The alert with this id, or null; `fields`: only these stored fields. */
  async findById(id: ObjectId, fields?: StoredFields): Promise<AlertRecord | null> {
    const [found] = await this.findByIds([id], fields);
    return found ?? null;
  }

  /** One page of `Query.alerts` (keyset paging, see keyset-pager.ts); `fields`: only these stored fields. */
  async page(args: AlertListCriteria, fields?: StoredFields): Promise<Page<AlertRecord>> {
    const filter = alertFilterQuery(args.filter);
    const ordering = listOrdering(ALERT_ORDERINGS, args.orderBy);
    const query = { filter, ordering, rankValues: args.filter?.severity };
    return this.findPage(query, args, fields);
  }

  /**
   * The newest `first` alerts (by timestamp, then _id) of each case, optionally only
   * resolved or open ones: one aggregate for a whole batch of cases (newestPerGroup).
   * Keys are case ids (hex).
   */
  async newestByCases(
    caseIds: readonly ObjectId[],
    resolved: boolean | undefined,
    first: number,
    fields?: StoredFields,
  ): Promise<Map<string, AlertRecord[]>> {
    const query = {
      match: this.byCases(caseIds, resolved),
      groupBy: "case_id",
      newestBy: "timestamp",
      first,
      fields,
    };
    return newestPerGroup(this.collection, query, toAlert, this.options.maxTimeMS);
  }

  /** Number of alerts per case for a batch of cases, optionally only resolved or open ones. */
  async countByCases(
    caseIds: readonly ObjectId[],
    resolved: boolean | undefined,
  ): Promise<Map<string, number>> {
    const groups = await this.collection
      .aggregate<{ _id: ObjectId; count: number }>(
        [{ $match: this.byCases(caseIds, resolved) }, { $group: { _id: "$case_id", count: { $sum: 1 } } }],
        { maxTimeMS: this.options.maxTimeMS },
      )
      .toArray();
    return new Map(groups.map((group) => [group._id.toHexString(), group.count]));
  }

  private byCases(caseIds: readonly ObjectId[], resolved: boolean | undefined): Filter<AlertDocument> {
    const match: Filter<AlertDocument> = { case_id: { $in: [...caseIds] } };
    if (resolved !== undefined) match.resolved = resolved;
    return match;
  }
}
