import type { CommandStartedEvent } from "mongodb";
import { type Config, loadConfig } from "../../src/config";
import { type Gateway, startGateway } from "../../src/main";
import type { TestDatabase } from "./test-database";

/** Settings a test may change; the rest come from the defaults of src/config.ts. */
export interface TestGatewayOverrides extends Partial<Config> {
  /** Serve the playground page (default false: tests of the API need not build it). */
  playground?: boolean;
  /** Receives the gateway's JSON log lines (set logLevel too: tests default to "silent"). */
  logStream?: { write(line: string): void };
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
  resetCommands(): void;
  /** The gateway itself, for tests that need its client or app. */
  gateway: Gateway;
  stop(): Promise<void>;
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
  const { playground = false, logStream, ...configOverrides } = overrides;
  const config: Config = {
    ...loadConfig({}),
    mongodbUri: database.uri,
    mongodbDb: database.dbName,
    host: "127.0.0.1",
    port: 0,
    logLevel: (process.env.TEST_LOG_LEVEL as Config["logLevel"] | undefined) ?? "silent",
    demoData: "never",
    ...configOverrides,
  };
  const gateway = await startGateway(config, {
    mongoClientOptions: { monitorCommands: true },
    playground,
    logStream,
  });
  const commands: CommandStartedEvent[] = [];
  gateway.client.on("commandStarted", (event) => commands.push(event));
  const graphqlUrl = `${gateway.url}/graphql`;

  return {
    url: gateway.url,
    graphqlUrl,
    commands,
    resetCommands: () => {
      commands.length = 0;
    },
    gateway,
    stop: () => gateway.stop(),
    async graphql(query, variables, headers = {}) {
      const response = await fetch(graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
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
