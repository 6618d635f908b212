import { type ClientSession, MongoServerError, ObjectId } from "mongodb";
import type { UserRole } from "../domain/user-role.enum";
import type { NewUserRecord } from "../domain/new-user.record";
import type { UserChangesRecord } from "../domain/user-changes.record";
import { AUDIT_ACTIONS, type AuditAction } from "../audit/audit-actions";
import type { AuditTrail, WriteOrigin } from "../audit/audit-trail";
import { COLLECTIONS } from "../db/collection-names";
import type { DataCollections } from "../db/data-collections";
import type { UserDocument } from "../db/user.document";
import { ConflictError } from "../errors/gateway-error";
import { toPlainDocument } from "../validation/plain-document";
import type { RepositoryOptions } from "./repository-options";
import { updateVersioned, type VersionedUpdate } from "./versioned-update";
import type { WriteRunner } from "./write-runner";

/** MongoDB's code for a write refused by a unique index. */
const DUPLICATE_KEY = 11000;

/** Writes of the `users` collection, each one WriteRunner unit with its audit entry. */
export class UserWriteRepository {
  constructor(
    private readonly collections: DataCollections,
    private readonly runner: WriteRunner,
    private readonly audit: AuditTrail,
    private readonly options: RepositoryOptions,
  ) {}

  /**
   * Inserts the user; the email is stored trimmed and lower-cased. Uniqueness is the
   * unique index on email (src/db/data-model-indexes.ts), not a look-up first, so two
   * concurrent requests for one address cannot both succeed: the loser's insert is
   * refused (code 11000) and answers CONFLICT.
   */
  async create(input: NewUserRecord, origin: WriteOrigin): Promise<UserDocument> {
    const email = input.email.trim().toLowerCase();
    try {
      return await this.runner.run(async ({ session }) => {
        const at = new Date();
        const document: UserDocument = {
          _id: new ObjectId(),
          email,
          name: input.name.trim(),
          role: input.role,
          settings: toPlainDocument(input.settings ?? {}),
          created_at: at,
          updated_at: at,
          last_login: null,
        };
        await this.collections.users.insertOne(document, { session });
        await this.record(AUDIT_ACTIONS.userCreate, null, document, at, origin, session);
        return document;
      });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
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
    return this.updateAudited(id, AUDIT_ACTIONS.userUpdate, origin, () => ({ set }));
  }

  async updateRole(id: ObjectId, role: UserRole, origin: WriteOrigin): Promise<UserDocument> {
    return this.updateAudited(id, AUDIT_ACTIONS.userRoleChange, origin, () => ({ set: { role } }));
  }

  private async updateAudited(
    id: ObjectId,
    action: AuditAction,
    origin: WriteOrigin,
    plan: VersionedUpdate<UserDocument>["plan"],
  ): Promise<UserDocument> {
    return this.runner.run(async ({ session }) => {
      const { before, after, at } = await updateVersioned({
        collection: this.collections.users,
        id,
        entity: "User",
        session,
        maxTimeMS: this.options.maxTimeMS,
        plan,
      });
      await this.record(action, before, after, at, origin, session);
      return after;
    });
  }

  private async record(
    action: AuditAction,
    before: UserDocument | null,
    after: UserDocument,
    at: Date,
    origin: WriteOrigin,
    session: ClientSession | undefined,
  ): Promise<void> {
    await this.audit.record(
      { action, collection: COLLECTIONS.users, targetId: after._id, before, after, at },
      origin,
      session,
    );
  }
}
