import type { UserListCriteria } from "../domain/user-list.criteria";
import type { UserRecord } from "../domain/user.record";
import type { UserDocument } from "../db/user.document";
import type { KeysetOrdering } from "./keyset-ordering";
import type { StoredFields } from "../db/stored-fields";
import { RecordReads } from "./record-reads";
import type { Page } from "./page";
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
export class UserRepository extends RecordReads<UserDocument, UserRecord> {
  protected readonly toRecord = toUser;

  /** One page of `Query.users` (newest first, keyset paging); `fields`: only these stored fields. */
  page(args: UserListCriteria, fields?: StoredFields): Promise<Page<UserRecord>> {
    return this.findPage({ filter: userFilterQuery(args.filter), ordering: USER_ORDERING }, args, fields);
  }
}
