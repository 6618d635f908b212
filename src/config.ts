import { ConfigError } from "./errors/config-error";

/** Pino's levels, plus "silent" to log nothing. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEMO_DATA_MODES = ["auto", "never"] as const;
export type DemoDataMode = (typeof DEMO_DATA_MODES)[number];

/**
 * The gateway's settings, parsed once at start.
 *
 * | Variable       | Default     | Meaning                                                           |
 * | -------------- | ----------- | ----------------------------------------------------------------- |
 * | MONGODB_URI    | (none)      | connection string; when unset `jupiter serve` provisions a server |
 * | MONGODB_DB     | `jupiter`   | database name                                                     |
 * | HOST           | `127.0.0.1` | address the HTTP server listens on                                |
 * | PORT           | `4000`      | TCP port (0 picks a free one)                                     |
 * | LOG_LEVEL      | `info`      | fatal, error, warn, info, debug, trace or silent                  |
 * | MAX_PAGE_SIZE  | `100`       | largest `first` a list field accepts                              |
 * | DB_MAX_TIME_MS | `5000`      | maxTimeMS of every database operation; past it: TIMEOUT           |
 * | DEMO_DATA      | `auto`      | `auto`: seed an empty provisioned database; `never`: do not       |
 */
export interface Config {
  /** Absent: the CLI provisions a database and fills this in before start. */
  mongodbUri: string | undefined;
  mongodbDb: string;
  host: string;
  port: number;
  logLevel: LogLevel;
  maxPageSize: number;
  dbMaxTimeMs: number;
  demoData: DemoDataMode;
}

/** Upper bound for MAX_PAGE_SIZE: a page is built in memory, so it must stay small. */
const PAGE_SIZE_CEILING = 10_000;

/**
 * Reads the gateway's variables from `env`. Throws one ConfigError listing every
 * problem rather than stopping at the first, so one restart is enough to fix them.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = raw.toLowerCase();
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`${name} must be one of ${allowed.join(", ")}; got "${raw}"`);
      return fallback;
    }
    return value as T;
  };

  const mongodbUri = read("MONGODB_URI");
  if (mongodbUri !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongodbUri)) {
    problems.push(`MONGODB_URI must be a connection string starting with mongodb:// or mongodb+srv://`);
  }

  const mongodbDb = read("MONGODB_DB") ?? "jupiter";
  // MongoDB refuses these characters in database names; say so before connecting.
  if (!/^[^/\\. "$*<>:|?]{1,63}$/.test(mongodbDb)) {
    problems.push(`MONGODB_DB must be 1 to 63 characters without /\\. "$*<>:|?; got "${mongodbDb}"`);
  }

  const host = read("HOST") ?? "127.0.0.1";

  const config: Config = {
    mongodbUri,
    mongodbDb,
    host,
    port: integer("PORT", 4000, 0, 65_535),
    logLevel: oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
    maxPageSize: integer("MAX_PAGE_SIZE", 100, 1, PAGE_SIZE_CEILING),
    dbMaxTimeMs: integer("DB_MAX_TIME_MS", 5000, 1, 600_000),
    demoData: oneOf("DEMO_DATA", DEMO_DATA_MODES, "auto"),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
