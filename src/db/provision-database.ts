import { startEmbeddedMongo } from "../embedded-mongo";

// mongodb-memory-server (and the mongodb driver copy it carries) is loaded only by the
// branch that uses it: a process given MONGODB_URI should not pay for it at start-up.
const memoryServer = () => import("mongodb-memory-server");

/** Which database backs this process. */
export type DatabaseBackend = "uri" | "memory-server" | "embedded";

export interface ProvisionedDatabase {
  backend: DatabaseBackend;
  uri: string;
  /** One line naming the backend and why it was chosen: log it as is. */
  reason: string;
  /** Stops what provisioning started; a no-op for an external MONGODB_URI. */
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Data directory for the embedded engine (persistence); memory only when absent. */
  embeddedDataDir?: string;
}

const ENGINES: readonly DatabaseBackend[] = ["uri", "memory-server", "embedded"];
const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10_000;

/** A provisioning failure whose message says what to do. */
export class ProvisioningError extends Error {
  override readonly name = "ProvisioningError";
}

/**
 * Chooses and starts the database, in this order: MONGODB_URI as is; a real mongod
 * through mongodb-memory-server (single-node replica set, so transactions work) when
 * a binary can be had; otherwise the embedded engine. MONGODB_ENGINE forces one.
 */
export async function provisionDatabase(options: ProvisionOptions = {}): Promise<ProvisionedDatabase> {
  const env = options.env ?? process.env;
  const forced = parseForcedEngine(env.MONGODB_ENGINE);

  if (forced === "uri" || (!forced && env.MONGODB_URI)) {
    if (!env.MONGODB_URI) {
      throw new ProvisioningError("MONGODB_ENGINE=uri needs MONGODB_URI, e.g. mongodb://localhost:27017");
    }
    return {
      backend: "uri",
      uri: env.MONGODB_URI,
      reason: `database: MONGODB_URI (${redactUri(env.MONGODB_URI)}), because it is set`,
      stop: async () => {},
    };
  }

  if (forced !== "embedded") {
    const binary = await findMongodBinary(env);
    if (binary.path) return startMemoryServer(binary.path, binary.how);
    if (forced === "memory-server") {
      throw new ProvisioningError(
        `MONGODB_ENGINE=memory-server, but no mongod binary is available (${binary.how}). ` +
          "Set MONGOMS_SYSTEM_BINARY to a mongod path, or use MONGODB_ENGINE=embedded.",
      );
    }
    return startEmbedded(options.embeddedDataDir, `no MONGODB_URI and no mongod binary (${binary.how})`);
  }
  return startEmbedded(options.embeddedDataDir, "MONGODB_ENGINE=embedded");
}

function parseForcedEngine(value: string | undefined): DatabaseBackend | undefined {
  if (!value || value === "auto") return undefined;
  if ((ENGINES as readonly string[]).includes(value)) return value as DatabaseBackend;
  throw new ProvisioningError(`MONGODB_ENGINE must be one of auto, ${ENGINES.join(", ")}; got "${value}"`);
}

/**
 * Looks for a mongod without downloading (MONGOMS_SYSTEM_BINARY, then the
 * mongodb-memory-server cache), then tries one download bounded by
 * MONGOD_DOWNLOAD_TIMEOUT_MS (0 disables it; the test suite always disables it).
 */
async function findMongodBinary(env: NodeJS.ProcessEnv): Promise<{ path?: string; how: string }> {
  const { DryMongoBinary, MongoBinary } = await memoryServer();
  try {
    const dryOptions = await DryMongoBinary.generateOptions();
    const local = await DryMongoBinary.locateBinary(dryOptions);
    if (local) return { path: local, how: `found ${local}` };
  } catch (error) {
    if (env.MONGOMS_SYSTEM_BINARY) {
      throw new ProvisioningError(`MONGOMS_SYSTEM_BINARY is set but unusable: ${(error as Error).message}`);
    }
  }

  const timeoutMs = parseTimeout(env.MONGOD_DOWNLOAD_TIMEOUT_MS);
  if (timeoutMs === 0) return { how: "not installed; download disabled" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
    timer.unref();
  });
  try {
    const downloaded = await Promise.race([MongoBinary.getPath().catch(() => undefined), timeout]);
    if (downloaded) return { path: downloaded, how: `downloaded to ${downloaded}` };
    return { how: `not installed; no download within ${timeoutMs} ms` };
  } finally {
    clearTimeout(timer);
  }
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new ProvisioningError(
      `MONGOD_DOWNLOAD_TIMEOUT_MS must be a whole number of milliseconds; got "${value}"`,
    );
  }
  return parsed;
}

async function startMemoryServer(binaryPath: string, how: string): Promise<ProvisionedDatabase> {
  const replSet = await (
    await memoryServer()
  ).MongoMemoryReplSet.create({
    binary: { systemBinary: binaryPath },
    replSet: { count: 1, storageEngine: "wiredTiger" },
  });
  await replSet.waitUntilRunning();
  return {
    backend: "memory-server",
    uri: replSet.getUri(),
    reason: `database: mongodb-memory-server replica set (real mongod, ${how})`,
    stop: async () => {
      await replSet.stop();
    },
  };
}

async function startEmbedded(dataDir: string | undefined, why: string): Promise<ProvisionedDatabase> {
  const engine = await startEmbeddedMongo({ port: 0, ...(dataDir ? { dataDir } : {}) });
  return {
    backend: "embedded",
    uri: engine.uri,
    reason: `database: embedded MongoDB-compatible engine at ${engine.uri}, because ${why}`,
    stop: () => engine.stop(),
  };
}

/** Hides the password of a connection string before it is logged. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}
