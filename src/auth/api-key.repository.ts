import { type Collection, type Db, ObjectId } from "mongodb";
import type { UserRole } from "../domain/user-role.enum";
import { generateApiKey, hashApiKey } from "./api-key-hash";

/** The collection of API keys. */
export const API_KEYS_COLLECTION = "api_keys";

export interface ApiKeyDocument {
  _id: ObjectId;
  name: string;
  role: UserRole;
  /** SHA-256 (hex) of the key; the key itself is never stored. */
  key_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked: boolean;
  revoked_at?: Date | null;
}

/** An API key as listed: never the key nor its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  role: UserRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revoked: boolean;
}

/** Writes of last_used_at happen at most this often per key (no write per request). */
const LAST_USED_INTERVAL_MS = 60_000;

export class ApiKeyRepository {
  private readonly collection: Collection<ApiKeyDocument>;
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(
    db: Db,
    private readonly maxTimeMS?: number,
  ) {
    this.collection = db.collection<ApiKeyDocument>(API_KEYS_COLLECTION);
  }

  /** The unique index on the hash (lookups by hash; no two keys alike). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ key_hash: 1 }, { unique: true, name: "key_hash_unique" });
  }

  /** Creates a key; answers the key itself, which is not stored and cannot be shown again. */
  async create(name: string, role: UserRole): Promise<{ key: string; summary: ApiKeySummary }> {
    await this.ensureIndexes();
    const key = generateApiKey();
    const document: ApiKeyDocument = {
      _id: new ObjectId(),
      name,
      role,
      key_hash: hashApiKey(key),
      created_at: new Date(),
      last_used_at: null,
      revoked: false,
    };
    await this.collection.insertOne(document);
    return { key, summary: summarize(document) };
  }

  async list(): Promise<ApiKeySummary[]> {
    const documents = await this.collection
      .find({}, { projection: { key_hash: 0 }, maxTimeMS: this.maxTimeMS })
      .sort({ created_at: 1 })
      .toArray();
    return documents.map(summarize);
  }

  /** Revokes a key; false when there is no key with that id. */
  async revoke(id: ObjectId): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id },
      { $set: { revoked: true, revoked_at: new Date() } },
      { maxTimeMS: this.maxTimeMS },
    );
    return result.matchedCount === 1;
  }

  /**
   * The active (not revoked) key with this value, or null. One indexed find by hash;
   * last_used_at is written in the background at most once a minute per key.
   */
  async findActive(key: string): Promise<ApiKeyDocument | null> {
    const document = await this.collection.findOne(
      { key_hash: hashApiKey(key), revoked: false },
      { maxTimeMS: this.maxTimeMS },
    );
    if (document) this.touch(document._id);
    return document;
  }

  private touch(id: ObjectId): void {
    const now = Date.now();
    const hex = id.toHexString();
    const last = this.lastUsedWrites.get(hex);
    if (last !== undefined && now - last < LAST_USED_INTERVAL_MS) return;
    this.lastUsedWrites.set(hex, now);
    void this.collection
      .updateOne({ _id: id }, { $set: { last_used_at: new Date(now) } }, { maxTimeMS: this.maxTimeMS })
      .catch(() => undefined);
  }
}

function summarize(document: Omit<ApiKeyDocument, "key_hash">): ApiKeySummary {
  return {
    id: document._id.toHexString(),
    name: document.name,
    role: document.role,
    createdAt: document.created_at,
    lastUsedAt: document.last_used_at,
    revoked: document.revoked,
  };
}
