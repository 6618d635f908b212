import type { Collection, ObjectId } from "mongodb";
import type { AlertDocument } from "../db/alert.document";
import type { AlertFilterCriteria } from "../domain/alert-filter.criteria";
import type { AlertRecord } from "../domain/alert.record";
import { toAlert } from "./alert.mapper";
import { alertFilterQuery } from "./alert-filter.query";
import type { RepositoryOptions } from "./repository-options";

/** The reads live fields need besides the analytics and case repositories. */
export class LiveRepository {
  constructor(
    private readonly alerts: Collection<AlertDocument>,
    private readonly options: RepositoryOptions,
  ) {}

  /** The alerts among `ids` that match `filter`, oldest first: one indexed find. */
  async alertsAmong(
    ids: readonly ObjectId[],
    filter: AlertFilterCriteria | null | undefined,
  ): Promise<AlertRecord[]> {
    const documents = await this.alerts
      .find(
        { $and: [{ _id: { $in: [...ids] } }, alertFilterQuery(filter)] },
        { sort: { _id: 1 }, maxTimeMS: this.options.maxTimeMS },
      )
      .toArray();
    return documents.map(toAlert);
  }
}
