import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
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

/** A provisioning failure whose message says what to do. */
export class ProvisioningError extends Error {
  override readonly name = "ProvisioningError";
}

/**
 * Chooses and starts the database, in this order: MONGODB_URI as is; a real mongod
 * through mongodb-memory-server (single-node replica set, so transactions work) when
 * one is already on this machine; otherwise the embedded engine, at once. Provisioning
 * never downloads: fetching a mongod is an explicit step (`jupiter mongod download`),
 * so that a start never waits on the network. MONGODB_ENGINE forces one backend.
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
    const binary = await findLocalMongod(env);
    if (binary.path) return startMemoryServer(binary.path, binary.how);
    if (forced === "memory-server") {
      throw new ProvisioningError(
        `MONGODB_ENGINE=memory-server, but no mongod binary is on this machine (${binary.how}). ` +
          "Run `npx jupiter mongod download` once, set MONGOMS_SYSTEM_BINARY to a mongod path, " +
          "or use MONGODB_ENGINE=embedded.",
      );
    }
    return startEmbedded(options.embeddedDataDir, `no MONGODB_URI and no local mongod (${binary.how})`);
  }
  return startEmbedded(options.embeddedDataDir, "MONGODB_ENGINE=embedded");
}

function parseForcedEngine(value: string | undefined): DatabaseBackend | undefined {
  if (!value || value === "auto") return undefined;
  if ((ENGINES as readonly string[]).includes(value)) return value as DatabaseBackend;
  throw new ProvisioningError(`MONGODB_ENGINE must be one of auto, ${ENGINES.join(", ")}; got "${value}"`);
}

/**
 * Looks for a mongod that is already on this machine, without any network access:
 * MONGOMS_SYSTEM_BINARY, then mongodb-memory-server's cache (what `jupiter mongod
 * download` fills), then a `mongod` on PATH.
 */
export async function findLocalMongod(env: NodeJS.ProcessEnv): Promise<{ path?: string; how: string }> {
  const { DryMongoBinary } = await memoryServer();
  try {
    const local = await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions());
    if (local) return { path: local, how: `found ${local}` };
  } catch (error) {
    if (env.MONGOMS_SYSTEM_BINARY) {
      throw new ProvisioningError(`MONGOMS_SYSTEM_BINARY is set but unusable: ${(error as Error).message}`);
    }
  }
  const onPath = mongodOnPath(env.PATH);
  if (onPath) return { path: onPath, how: `found ${onPath} on PATH` };
  return { how: "none in MONGOMS_SYSTEM_BINARY, mongodb-memory-server's cache or PATH" };
}

function mongodOnPath(pathVariable: string | undefined): string | undefined {
  const name = process.platform === "win32" ? "mongod.exe" : "mongod";
  for (const directory of (pathVariable ?? "").split(delimiter)) {
    if (directory === "") continue;
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Downloads a mongod into mongodb-memory-server's cache (MONGOMS_VERSION,
 * MONGOMS_DOWNLOAD_DIR and MONGOMS_DOWNLOAD_URL apply) and returns its path: the one
 * step of provisioning that uses the network, run only when asked.
 */
export async function downloadMongod(): Promise<string> {
  const { MongoBinary } = await memoryServer();
  try {
    return await MongoBinary.getPath();
  } catch (error) {
    throw new ProvisioningError(
      `could not download a mongod: ${(error as Error).message}. ` +
        "Without network access, install mongod and set MONGOMS_SYSTEM_BINARY, or keep the embedded engine.",
    );
  }
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
