/** Codes of MongoServerError the gateway acts on, by what they mean. */
export const MONGO_SERVER_CODES = {
  /** An operation stopped by its maxTimeMS: the request gets TIMEOUT. */
  maxTimeMSExpired: 50,
  /** A write refused by a unique index. */
  duplicateKey: 11000,
} as const;
