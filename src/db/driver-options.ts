import type { MongoClientOptions } from "mongodb";

/** The settings driverOptionsOf reads (the configuration's `faults` section has them). */
export interface DriverSettings {
  dbUnavailableTimeoutMs: number;
  dbConnectTimeoutMs: number;
  dbSocketTimeoutMs: number;
  dbMaxPoolSize: number;
}

/**
 * The driver settings that decide how an outage looks to a client: how long a request
 * waits for a server (DB_UNAVAILABLE_TIMEOUT_MS) before it gets DATABASE_UNAVAILABLE,
 * connect and socket timeouts, pool size. Defaults in src/config.ts and the README.
 */
export function driverOptionsOf(faults: DriverSettings): MongoClientOptions {
  return {
    serverSelectionTimeoutMS: faults.dbUnavailableTimeoutMs,
    connectTimeoutMS: faults.dbConnectTimeoutMs,
    socketTimeoutMS: faults.dbSocketTimeoutMs,
    maxPoolSize: faults.dbMaxPoolSize,
  };
}
