import { spawn, spawnSync } from "node:child_process";
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { EJSON } from "bson";
import type { Document } from "mongodb";
import { OperationError } from "./operation-error";

/**
 * The built-in backup format ("jupiter-backup", version 1): one gzip stream of UTF-8
 * lines, `\n`-terminated.
 *
 *   line 1         the manifest, canonical Extended JSON (BackupManifest)
 *   next lines     the documents of manifest.collections[0], `count` lines, each one
 *                  document in canonical Extended JSON ({"relaxed": false}: an Int32, a
 *                  Long, a Double, a Date, an ObjectId … keep their exact types), in the
 *                  collection's natural order
 *   …              then the documents of collections[1], and so on
 *
 * A collection's `sha256` is the SHA-256 of its document lines, each with its `\n`. Views
 * have no lines. `indexes` are the entries of listIndexes and `options` those of
 * listCollections (validator, validationLevel, capped, viewOn …), as the server gave them.
 */
export const BACKUP_FORMAT = "jupiter-backup";
export const BACKUP_VERSION = 1;

export interface BackupCollection {
  name: string;
  /** "collection", "view" or "timeseries", from listCollections. */
  type: string;
  options: Document;
  indexes: Document[];
  count: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  database: string;
  created_at: Date;
  collections: BackupCollection[];
}

/** The first bytes of a gunzipped mongodump archive (magic 0x8199e26d, little-endian). */
const MONGODUMP_MAGIC = Buffer.from([0x6d, 0xe2, 0x99, 0x81]);

export function serializeLine(document: unknown): string {
  return `${EJSON.stringify(document, { relaxed: false })}\n`;
}

export function newHash(): Hash {
  return createHash("sha256");
}

/** The lines of a gzipped file, one at a time, without the `\n`. */
export function readGzipLines(path: string): AsyncIterableIterator<string> {
  const input = createReadStream(path).pipe(createGunzip());
  return createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
}

/** "builtin" for this format, "mongodump" for a mongodump --archive --gzip file. */
export async function detectBackupFormat(path: string): Promise<"builtin" | "mongodump"> {
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stream = createReadStream(path).pipe(createGunzip());
    stream.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= 4) stream.destroy();
    });
    stream.on("close", () => resolve(Buffer.concat(chunks)));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", (error) => reject(error));
    createReadStream(path).on("error", reject);
  }).catch((error: Error) => {
    throw new OperationError(
      `cannot read ${path} as a gzip file: ${error.message}`,
      'give a file written by "jupiter db backup" (or mongodump --archive --gzip)',
    );
  });
  if (head.subarray(0, 4).equals(MONGODUMP_MAGIC)) return "mongodump";
  if (head[0] === 0x7b /* "{" */) return "builtin";
  throw new OperationError(
    `${path} is neither a jupiter backup nor a mongodump archive`,
    'give a file written by "jupiter db backup"',
  );
}

/** Whether a MongoDB Database Tools program (mongodump, mongorestore) is on PATH. */
export function hasTool(name: "mongodump" | "mongorestore"): boolean {
  const probe = spawnSync(name, ["--version"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

/** Runs mongodump / mongorestore, streaming its output to ours; rejects with its exit code. */
export function runTool(name: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    log(`${name} ${args.map((a) => (a.startsWith("--uri=") ? "--uri=***" : a)).join(" ")}`);
    const child = spawn(name, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new OperationError(
              `${name} exited with code ${code}`,
              `see ${name}'s messages above; or use --engine builtin`,
            ),
          ),
    );
  });
}
