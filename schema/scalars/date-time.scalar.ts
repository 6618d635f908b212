import { DateTimeResolver } from "graphql-scalars";

/**
 * `DateTime`: an ISO-8601 date-time with offset. Parses to a JS Date and prints
 * Dates in UTC, which is how MongoDB stores them.
 */
export const DateTimeScalar = DateTimeResolver;
