import type { MongoClientOptions } from "mongodb";
import type { FaultsConfig } from "../config";

/**
 * The driver settings that decide how an outage looks to a client: how long a request
 * waits for a server (DB_UNAVAILABLE_TIMEOUT_MS) before it gets DATABASE_UNAVAILABLE,
 * connect and socket timeouts, pool size. Defaults in src/config.ts and the README.
 */
export function driverOptionsOf(faults: FaultsConfig): MongoClientOptions {
  return {
    serverSelectionTimeoutMS: faults.dbUnavailableTimeoutMs,
    connectTimeoutMS: faults.dbConnectTimeoutMs,
    socketTimeoutMS: faults.dbSocketTimeoutMs,
    maxPoolSize: faults.dbMaxPoolSize,
  };
}
