import type { Db } from "mongodb";

/** Settings every repository applies to its database operations. */
export interface RepositoryOptions {
  /** maxTimeMS of every operation (DB_MAX_TIME_MS): the server aborts past it. */
  maxTimeMS: number;
  /** The handle analytics aggregations read through (ANALYTICS_READ_PREFERENCE); default: the db. */
  analyticsDb?: Db;
}
