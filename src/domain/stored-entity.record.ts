import type { ObjectId } from "mongodb";

/** A document of the data model as the gateway works with it (cases, alerts, users): its identity. */
export interface StoredEntityRecord {
  /** The document's _id as 24 hexadecimal characters: the API's `id`. */
  id: string;
  /** The document's _id, kept for loaders so they need not parse `id` again. */
  objectId: ObjectId;
}
