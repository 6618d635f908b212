import type { Collection, ObjectId } from "mongodb";
import type { UserListCriteria } from "../domain/user-list.criteria";
import type { UserRecord } from "../domain/user.record";
import type { UserDocument } from "../db/user.document";
import type { KeysetOrdering } from "./keyset-ordering";
import type { StoredFields } from "../db/stored-fields";
import { findByIds } from "./find-by-ids";
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

  /** The users with these ids that exist, in no particular order; `fields`: only these stored fields. */
  findByIds(ids: readonly ObjectId[], fields?: StoredFields): Promise<UserRecord[]> {
    return findByIds(this.collection, this.options, ids, toUser, fields);
  }

  /** One page of `Query.users` (newest first, keyset paging); `fields`: only these stored fields. */
  page(args: UserListCriteria, fields?: StoredFields): Promise<Page<UserRecord>> {
    const query = { filter: userFilterQuery(args.filter), ordering: USER_ORDERING };
    return findPage(this.collection, this.options, query, args, toUser, fields);
  }
}
