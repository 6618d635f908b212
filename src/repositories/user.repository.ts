import type { Collection, ObjectId } from "mongodb";
import type { UserListCriteria } from "../domain/user-list.criteria";
import type { UserRecord } from "../domain/user.record";
import type { UserDocument } from "../db/user.document";
import type { KeysetOrdering } from "./keyset-ordering";
import { findPage } from "./find-page";
import type { Page } from "./page";
import type { RepositoryOptions } from "./repository-options";
import { toUser } from "./user.mapper";
import { userFilterQuery } from "./user-filter.query";

/** Users are listed newest first; the index {created_at: -1, _id: -1} serves it. */
const USER_ORDERING: KeysetOrdering = {
  kind: "date",
  name: "users:CREATED_AT:DESC",
  field: "created_at",
  direction: -1,
};

/** Reads of the `users` collection. */
export class UserRepository {
  constructor(
    private readonly collection: Collection<UserDocument>,
    private readonly options: RepositoryOptions,
  ) {}

  /** The users with these ids that exist, in no particular order. */
  async findByIds(ids: readonly ObjectId[]): Promise<UserRecord[]> {
    const documents = await this.collection
      .find({ _id: { $in: [...ids] } }, { maxTimeMS: this.options.maxTimeMS })
      .toArray();
    return documents.map(toUser);
  }

  /** One page of `Query.users` (keyset paging, see keyset-pager.ts). */
  async page(args: UserListCriteria): Promise<Page<UserRecord>> {
    const filter = userFilterQuery(args.filter);
    return findPage(this.collection, this.options, { filter, ordering: USER_ORDERING }, args, toUser);
  }
}
