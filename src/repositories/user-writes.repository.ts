import { MongoServerError, ObjectId } from "mongodb";
import type { UserRole } from "../domain/user-role.enum";
import type { NewUserRecord } from "../domain/new-user.record";
import type { UserChangesRecord } from "../domain/user-changes.record";
import { AUDIT_ACTIONS } from "../audit/audit-actions";
import type { AuditTrail, WriteOrigin } from "../audit/audit-trail";
import { COLLECTIONS } from "../db/collection-names";
import type { DataCollections } from "../db/data-collections";
import type { UserDocument } from "../db/user.document";
import { ConflictError } from "../errors/gateway-error";
import { toPlainDocument } from "../validation/plain-document";
import { AuditedWriter } from "./audited-writer";
import type { RepositoryOptions } from "./repository-options";
import type { WriteRunner } from "./write-runner";
import { MONGO_SERVER_CODES } from "../errors/mongo-server-codes";

/** Writes of the `users` collection, each one WriteRunner unit with its audit entry. */
export class UserWriteRepository {
  private readonly writer: AuditedWriter<UserDocument>;

  constructor(
    collections: DataCollections,
    runner: WriteRunner,
    audit: AuditTrail,
    options: RepositoryOptions,
  ) {
    const target = { collection: collections.users, name: COLLECTIONS.users, entity: "User" };
    this.writer = new AuditedWriter(target, runner, audit, options);
  }

  /**
   * Inserts the user; the email is stored trimmed and lower-cased. Uniqueness is the
   * unique index on email (src/db/data-model-indexes.ts), not a look-up first, so two
   * concurrent requests for one address cannot both succeed: the loser's insert is
   * refused (code 11000) and answers CONFLICT.
   */
  async create(input: NewUserRecord, origin: WriteOrigin): Promise<UserDocument> {
    const email = input.email.trim().toLowerCase();
    try {
      return await this.writer.create(AUDIT_ACTIONS.userCreate, origin, (at) => ({
        _id: new ObjectId(),
        email,
        name: input.name.trim(),
        role: input.role,
        settings: toPlainDocument(input.settings ?? {}),
        created_at: at,
        updated_at: at,
        last_login: null,
      }));
    } catch (error) {
      if (error instanceof MongoServerError && error.code === MONGO_SERVER_CODES.duplicateKey) {
        throw new ConflictError(`A user with email ${email} exists already`, { field: "email", email });
      }
      throw error;
    }
  }

  /** Sets the name and/or settings (validated: at least one, none null). */
  async update(id: ObjectId, input: UserChangesRecord, origin: WriteOrigin): Promise<UserDocument> {
    const set: Partial<UserDocument> = {};
    if (input.name !== undefined) set.name = input.name.trim();
    if (input.settings !== undefined) set.settings = toPlainDocument(input.settings);
    return this.writer.update(id, AUDIT_ACTIONS.userUpdate, origin, () => ({ set }));
  }

  async updateRole(id: ObjectId, role: UserRole, origin: WriteOrigin): Promise<UserDocument> {
    return this.writer.update(id, AUDIT_ACTIONS.userRoleChange, origin, () => ({ set: { role } }));
  }
}
