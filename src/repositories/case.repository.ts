import type { Filter, ObjectId } from "mongodb";
import { CaseStatus } from "../domain/case-status.enum";
import type { CaseListCriteria } from "../domain/case-list.criteria";
import type { CaseRecord } from "../domain/case.record";
import type { CaseDocument } from "../db/case.document";
import { toCase } from "./case.mapper";
import { caseFilterQuery } from "./case-filter.query";
import type { StoredFields } from "../db/stored-fields";
import { RecordReads } from "./record-reads";
import { newestPerGroup } from "./newest-per-group";
import { CASE_ORDERINGS, listOrdering } from "./list-ordering";
import type { Page } from "./page";

/** Statuses in which a case still needs work: what "open case" means for counts. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [CaseStatus.OPEN, CaseStatus.IN_PROGRESS];

/** A case found by text search with its relevance score. */
export interface CaseSearchResult {
  case: CaseRecord;
  score: number;
}

/** Reads of the `cases` collection. Batch methods serve the per-request loaders. */
export class CaseRepository extends RecordReads<CaseDocument, CaseRecord> {
  protected readonly toRecord = toCase;

  /** One page of `Query.cases` (keyset paging, see keyset-pager.ts); `fields`: only these stored fields. */
  async page(args: CaseListCriteria, fields?: StoredFields): Promise<Page<CaseRecord>> {
    const filter = caseFilterQuery(args.filter);
    const ordering = listOrdering(CASE_ORDERINGS, args.orderBy);
    const rankValues = ordering.field === "severity" ? args.filter?.severity : args.filter?.priority;
    return this.findPage({ filter, ordering, rankValues }, args, fields);
  }

  /**
   * Full-text search over the `cases_text` index (title ×10, tags ×5, description ×1),
   * most relevant first; equal scores in _id order so results are stable.
   */
  async search(query: string, first: number): Promise<CaseSearchResult[]> {
    const documents = await this.collection
      .find(
        { $text: { $search: query } },
        {
          projection: { score: { $meta: "textScore" } },
          sort: { score: { $meta: "textScore" }, _id: 1 },
          limit: first,
          maxTimeMS: this.options.maxTimeMS,
        },
      )
      .toArray();
    return documents.map((document) => ({
      case: toCase(document),
      score: (document as CaseDocument & { score: number }).score,
    }));
  }

  /**
   * The newest `first` cases of each assignee, optionally only in some statuses: one
   * aggregate for a whole batch of users. Keys are assignee ids (hex).
   */
  async newestByAssignees(
    assigneeIds: readonly ObjectId[],
    statuses: readonly CaseStatus[] | undefined,
    first: number,
    fields?: StoredFields,
  ): Promise<Map<string, CaseRecord[]>> {
    const match: Filter<CaseDocument> = { assignee: { $in: [...assigneeIds] } };
    if (statuses) match.status = { $in: [...statuses] };
    const query = { match, groupBy: "assignee", newestBy: "created_at", first, fields };
    return newestPerGroup(this.collection, query, toCase, this.options.maxTimeMS);
  }

  /** Number of open (OPEN_CASE_STATUSES) cases per assignee, for a batch of users. */
  async countOpenByAssignees(assigneeIds: readonly ObjectId[]): Promise<Map<string, number>> {
    const groups = await this.collection
      .aggregate<{ _id: ObjectId; count: number }>(
        [
          { $match: { assignee: { $in: [...assigneeIds] }, status: { $in: [...OPEN_CASE_STATUSES] } } },
          { $group: { _id: "$assignee", count: { $sum: 1 } } },
        ],
        { maxTimeMS: this.options.maxTimeMS },
      )
      .toArray();
    return new Map(groups.map((group) => [group._id.toHexString(), group.count]));
  }
}
