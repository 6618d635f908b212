import { once } from "node:events";
import {
  accessSync,
  constants,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import type { Db, Document } from "mongodb";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupCollection,
  type BackupManifest,
  hasTool,
  newHash,
  runTool,
  serializeLine,
} from "./backup-format";
import { OperationError } from "./operation-error";
import { type OperationReporting, reporterOf } from "./operation-events";

/**
 * Read BSON values as their own types: without this the driver turns an Int32, a Double
 * and a Long that fits into one JavaScript number, and the copy could not tell them apart.
 */
const EXACT_TYPES = {
  promoteValues: false,
  promoteLongs: false,
  promoteBuffers: false,
  bsonRegExp: true,
} as const;

export type BackupEngine = "auto" | "builtin" | "mongodump";

export interface BackupOptions extends OperationReporting {
  /** The archive to write (gzip). Written as FILE.partial, renamed when complete. */
  out: string;
  /** "auto" (default): mongodump when it is installed, else the built-in format. */
  engine?: BackupEngine;
  /** Connection string, for mongodump. */
  uri?: string;
}

export interface BackupResult {
  engine: "builtin" | "mongodump";
  file: string;
  bytes: number;
  /** Built-in engine only: what the manifest records. */
  collections: { name: string; type: string; count: number; indexes: number; sha256: string }[];
  durationMs: number;
}

/**
 * Writes every collection of the database — documents, indexes and options (validator
 * included) — into one gzip archive: the built-in format of backup-format.ts, or a
 * `mongodump --archive --gzip` when that is chosen (or installed, with engine "auto").
 *
 * Each collection is read once, into a temporary file while its count and checksum are
 * computed; the archive is then assembled manifest first. The copy is consistent per
 * collection, not across collections (no snapshot): stop writers for an exact picture.
 */
export async function backupDatabase(db: Db, options: BackupOptions): Promise<BackupResult> {
  const report = reporterOf(options);
  const started = Date.now();
  const file = resolve(options.out);
  assertWritableDirectory(file);
  const engine = chooseEngine(options.engine ?? "auto", "mongodump");
  if (engine === "mongodump") {
    if (!options.uri) throw new OperationError("mongodump needs the connection string", "pass uri");
    await runTool(
      "mongodump",
      [`--uri=${options.uri}`, `--db=${db.databaseName}`, `--archive=${file}`, "--gzip"],
      report.log,
    );
    return { engine, file, bytes: statSync(file).size, collections: [], durationMs: Date.now() - started };
  }

  const listed = (await db.listCollections({}, { nameOnly: false, ...EXACT_TYPES }).toArray()).filter(
    (info) => !info.name.startsWith("system."),
  );
  listed.sort(
    (a, b) => (a.type === "view" ? 1 : 0) - (b.type === "view" ? 1 : 0) || (a.name < b.name ? -1 : 1),
  );
  const estimates = await Promise.all(
    listed.map((info) => (info.type === "view" ? 0 : db.collection(info.name).estimatedDocumentCount())),
  );
  const total = estimates.reduce((sum, n) => sum + n, 0);

  const work = mkdtempSync(join(tmpdir(), "jupiter-backup-"));
  const partial = `${file}.partial`;
  try {
    const collections: BackupCollection[] = [];
    const parts: string[] = [];
    let written = 0;
    report.progress("backup", 0, total);
    for (const info of listed) {
      const type = String(info.type ?? "collection");
      const entry: BackupCollection = {
        name: info.name,
        type,
        options: (info.options as Document | undefined) ?? {},
        indexes: type === "view" ? [] : await db.collection(info.name).listIndexes(EXACT_TYPES).toArray(),
        count: 0,
        sha256: newHash().digest("hex"),
      };
      if (type !== "view") {
        const part = join(work, `${collections.length}.ejson`);
        const hash = newHash();
        const output = createWriteStream(part);
        for await (const document of db.collection(info.name).find({}, EXACT_TYPES)) {
          const line = serializeLine(document);
          hash.update(line);
          entry.count++;
          if (!output.write(line)) await once(output, "drain");
          if (++written % 1_000 === 0) report.progress("backup", written, Math.max(total, written));
        }
        output.end();
        await once(output, "finish");
        entry.sha256 = hash.digest("hex");
        parts.push(part);
      } else {
        parts.push("");
      }
      collections.push(entry);
      report.log(`${info.name}: ${entry.count} documents, ${entry.indexes.length} indexes`);
    }
    report.progress("backup", written, written);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      database: db.databaseName,
      created_at: new Date(),
      collections,
    };
    await pipeline(
      async function* () {
        yield serializeLine(manifest);
        for (const part of parts) if (part) yield* createReadStream(part);
      },
      createGzip(),
      createWriteStream(partial) as Writable,
    );
    renameSync(partial, file);
    return {
      engine,
      file,
      bytes: statSync(file).size,
      collections: collections.map((c) => ({
        name: c.name,
        type: c.type,
        count: c.count,
        indexes: c.indexes.length,
        sha256: c.sha256,
      })),
      durationMs: Date.now() - started,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function assertWritableDirectory(file: string): void {
  try {
    accessSync(dirname(file), constants.W_OK);
  } catch (error) {
    throw new OperationError(
      `cannot write ${file}: ${(error as Error).message}`,
      "give --out a path in an existing, writable directory",
    );
  }
}

/** Resolves "auto" to the external tool when installed; refuses it when asked for and absent. */
export function chooseEngine(
  engine: BackupEngine,
  tool: "mongodump" | "mongorestore",
): "builtin" | "mongodump" {
  if (engine === "builtin") return "builtin";
  const installed = hasTool(tool);
  if (engine === "mongodump" && !installed) {
    throw new OperationError(
      `--engine mongodump was asked for, but ${tool} is not installed`,
      "install the MongoDB Database Tools (mongodump, mongorestore), or use --engine builtin",
    );
  }
  return installed ? "mongodump" : "builtin";
}
