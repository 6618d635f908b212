import type { CommandStartedEvent, MongoClientOptions } from "mongodb";
import { UserRole } from "../../src/domain/user-role.enum";
import { type AuthConfig, type Config, loadConfig, type ProtectionsConfig } from "../../src/config";
import type { LiveClock } from "../../src/live/live-clock";
import { type Gateway, startGateway } from "../../src/main";
import type { TestDatabase } from "./test-database";
import { signTestJwt, TEST_JWT_SECRET } from "./test-jwt";

/** Settings a test may change; the rest come from the defaults of src/config.ts. */
export interface TestGatewayOverrides extends Omit<Partial<Config>, "auth" | "protections"> {
  /** Merged over the test defaults (JWT_SECRET = TEST_JWT_SECRET). */
  auth?: Partial<AuthConfig>;
  /** Merged over the defaults of src/config.ts (rate limiting off unless set). */
  protections?: Partial<ProtectionsConfig>;
  /**
   * The Authorization header graphql() sends by default: an ADMIN Bearer JWT signed
   * with TEST_JWT_SECRET unless set; null sends no credentials.
   */
  authorization?: string | null;
  /** Serve the playground page (default false: tests of the API need not build it). */
  playground?: boolean;
  /** Receives the gateway's JSON log lines (set logLevel too: tests default to "silent"). */
  logStream?: { write(line: string): void };
  /** Serve the live dashboard page (default false). */
  dashboard?: boolean;
  /** The clock of subscriptions (src/live), e.g. a ManualClock the test moves. */
  liveClock?: LiveClock;
  /** The rate limit's clock (windows are clock minutes): pin it so a slow run cannot cross one. */
  rateLimitClock?: () => number;
  /** Driver options over the configuration's (command monitoring stays on). */
  mongoClientOptions?: MongoClientOptions;
}

/** One error of a GraphQL response body. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL HTTP response: status, the parsed body, and its data/errors for convenience. */
export interface GraphQLResult<TData = any> {
  status: number;
  headers: Headers;
  /** The whole parsed JSON body. */
  body: { data?: TData | null; errors?: GraphQLErrorBody[]; [key: string]: unknown };
  data: TData | null | undefined;
  errors: GraphQLErrorBody[] | undefined;
}

export interface TestGateway {
  /** Base URL, e.g. http://127.0.0.1:54321. */
  url: string;
  /** `${url}/graphql`. */
  graphqlUrl: string;
  /** POSTs a GraphQL request as a client would (JSON over HTTP). */
  graphql<TData = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<TData>>;
  /**
   * Every command the gateway's MongoClient started since the last resetCommands()
   * (driver command monitoring). The array is live: keep the reference.
   */
  commands: CommandStartedEvent[];
  /** The headers graphql() adds by default (an ADMIN JWT unless overridden); spread into fetch calls. */
  authHeaders: Record<string, string>;
  resetCommands(): void;
  /** The gateway itself, for tests that need its client or app. */
  gateway: Gateway;
  stop(): Promise<void>;
}

/**
 * The configuration of a test's gateway: the defaults of src/config.ts over the test
 * file's database, on a free port of 127.0.0.1, JWTs signed with TEST_JWT_SECRET, no demo
 * data, no log, and no response cache (tests write around the gateway, through the driver:
 * the cache only where a test asks for it); `overrides` replace whole sections.
 */
export function testGatewayConfig(database: TestDatabase, overrides: Partial<Config> = {}): Config {
  const defaults = loadConfig({});
  return {
    ...defaults,
    mongodbUri: database.uri,
    mongodbDb: database.dbName,
    host: "127.0.0.1",
    port: 0,
    logLevel: "silent",
    demoData: "never",
    auth: { ...defaults.auth, jwtSecret: TEST_JWT_SECRET },
    cache: { ...defaults.cache, maxBytes: 0 },
    // Tests write around the gateway too: alert rollups only where a test asks for them (test/rollups).
    rollups: { ...defaults.rollups, enabled: false },
    ...overrides,
  };
}

/**
 * Starts the real gateway in-process on a free port of 127.0.0.1 over the test
 * file's private database, with command monitoring on so tests can count what it
 * sends to MongoDB. Indexes are ensured as at any start; the recorded commands start
 * empty once it listens.
 */
export async function startTestGateway(
  database: TestDatabase,
  overrides: TestGatewayOverrides = {},
): Promise<TestGateway> {
  const {
    playground = false,
    logStream,
    auth,
    protections,
    authorization,
    liveClock,
    rateLimitClock,
    dashboard = false,
    mongoClientOptions,
    ...configOverrides
  } = overrides;
  const defaults = loadConfig({});
  const config = testGatewayConfig(database, {
    logLevel: (process.env.TEST_LOG_LEVEL as Config["logLevel"] | undefined) ?? "silent",
    ...configOverrides,
    auth: { ...defaults.auth, jwtSecret: TEST_JWT_SECRET, ...auth },
    // Suites send many requests quickly: rate limiting only where a test asks for it.
    protections: { ...defaults.protections, rateLimitPerMinute: 0, ...protections },
  });
  const authValue =
    authorization === undefined ? `Bearer ${await signTestJwt(UserRole.ADMIN)}` : authorization;
  const authHeaders: Record<string, string> = authValue === null ? {} : { authorization: authValue };
  const gateway = await startGateway(config, {
    mongoClientOptions: { ...mongoClientOptions, monitorCommands: true },
    playground,
    logStream,
    liveClock,
    rateLimitClock,
    dashboard,
  });
  const commands: CommandStartedEvent[] = [];
  gateway.client.on("commandStarted", (event) => commands.push(event));
  const graphqlUrl = `${gateway.url}/graphql`;

  return {
    url: gateway.url,
    graphqlUrl,
    authHeaders,
    commands,
    resetCommands: () => {
      commands.length = 0;
    },
    gateway,
    stop: () => gateway.stop(),
    async graphql(query, variables, headers = {}) {
      const response = await fetch(graphqlUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...authHeaders,
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: GraphQLResult["body"];
      try {
        body = JSON.parse(text) as GraphQLResult["body"];
      } catch {
        throw new Error(
          `POST /graphql answered ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`,
        );
      }
      return {
        status: response.status,
        headers: response.headers,
        body,
        data: body.data,
        errors: body.errors,
      };
    },
  };
}
