import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { EJSON } from "bson";
import type { Db, Document } from "mongodb";
import { chooseEngine } from "./backup-database";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupManifest,
  detectBackupFormat,
  newHash,
  readGzipLines,
  runTool,
} from "./backup-format";
import { resetRollups } from "../db/rollup-reset";
import { OperationError } from "./operation-error";
import { type OperationReporting, reporterOf } from "./operation-events";

export interface RestoreOptions extends OperationReporting {
  file: string;
  /** Drop the backup's collections where the target has them (default: refuse a non-empty target). */
  drop?: boolean;
  /** "auto" (default): mongorestore for a mongodump archive, the built-in path for ours. */
  engine?: "auto" | "builtin" | "mongodump";
  /** Connection string, for mongorestore. */
  uri?: string;
  /** Documents per insertMany (default 1,000). */
  batchSize?: number;
}

export interface RestoreResult {
  engine: "builtin" | "mongodump";
  sourceDatabase: string | null;
  collections: { name: string; type: string; documents: number; indexes: number }[];
  dropped: string[];
  durationMs: number;
}

const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Restores a backup into the database: every collection with its options (validator
 * included), its documents (exact BSON types, inserted with document validation
 * bypassed, as they were valid where they came from) and its indexes, views last.
 *
 * Before anything is written the whole archive is read once and every collection's
 * count and sha256 are checked against the manifest; a damaged file changes nothing. A
 * target that holds any collection is refused unless `drop`, which drops the backup's
 * collections where they exist (others are left alone). The alert rollups are emptied
 * afterwards (src/db/rollup-reset.ts), so that none disagrees with the restored alerts.
 */
export async function restoreDatabase(db: Db, options: RestoreOptions): Promise<RestoreResult> {
  const report = reporterOf(options);
  const started = Date.now();
  const file = resolve(options.file);
  if (!existsSync(file)) {
    throw new OperationError(
      `backup file ${file} does not exist`,
      'give the path "jupiter db backup --out" wrote',
    );
  }
  const format = await detectBackupFormat(file);
  const existing = await existingCollections(db);
  if (existing.length > 0 && !options.drop) {
    throw new OperationError(
      `the target database ${db.databaseName} is not empty (${existing.join(", ")}); nothing was restored`,
      "restore into an empty database (set MONGODB_DB to a new name), or pass --drop to replace the backup's collections",
    );
  }
  if (format === "mongodump" || options.engine === "mongodump") {
    const restored = await restoreWithMongorestore(db, file, format, options, started);
    await resetRollups(db);
    return restored;
  }

  const manifest = await verifyArchive(file, report);
  const dropped: string[] = [];
  for (const entry of manifest.collections) {
    if (!existing.includes(entry.name)) continue;
    await db.collection(entry.name).drop();
    dropped.push(entry.name);
    report.log(`dropped ${entry.name}`);
  }

  const total = manifest.collections.reduce((sum, entry) => sum + entry.count, 0);
  const lines = readGzipLines(file);
  await lines.next(); // the manifest, verified above
  const result: RestoreResult = {
    engine: "builtin",
    sourceDatabase: manifest.database,
    collections: [],
    dropped,
    durationMs: 0,
  };
  let restored = 0;
  report.progress("restore", 0, total);
  try {
    for (const entry of manifest.collections) {
      if (entry.type === "view") continue;
      await db.createCollection(entry.name, entry.options);
      const collection = db.collection(entry.name);
      let batch: Document[] = [];
      let batchBytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await collection.insertMany(batch, { ordered: true, bypassDocumentValidation: true });
        restored += batch.length;
        report.progress("restore", restored, total);
        batch = [];
        batchBytes = 0;
      };
      for (let i = 0; i < entry.count; i++) {
        const next = await lines.next();
        if (next.done) throw new Error(`backup ended inside ${entry.name}, after verification`);
        batch.push(EJSON.parse(next.value, { relaxed: false }) as Document);
        batchBytes += next.value.length;
        if (batch.length >= (options.batchSize ?? 1_000) || batchBytes >= MAX_BATCH_BYTES) await flush();
      }
      await flush();
      const specs = entry.indexes.filter((index) => index.name !== "_id_").map(toCreateSpec);
      if (specs.length > 0) await db.command({ createIndexes: entry.name, indexes: specs });
      result.collections.push({
        name: entry.name,
        type: entry.type,
        documents: entry.count,
        indexes: entry.indexes.length,
      });
      report.log(`${entry.name}: ${entry.count} documents, ${entry.indexes.length} indexes`);
    }
  } finally {
    await lines.return?.();
  }
  for (const entry of manifest.collections) {
    if (entry.type !== "view") continue;
    await db.createCollection(entry.name, entry.options);
    result.collections.push({ name: entry.name, type: "view", documents: 0, indexes: 0 });
  }
  // The restored alerts replace those any rollup counted: the next refresh rebuilds it.
  await resetRollups(db);
  result.durationMs = Date.now() - started;
  return result;
}

/** The target's collections, system ones aside, by name. */
async function existingCollections(db: Db): Promise<string[]> {
  return (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((info) => info.name)
    .filter((name) => !name.startsWith("system."))
    .sort();
}

/**
 * Reads the whole archive once: the manifest must be ours, and each collection's lines
 * must be as many as it says, parse as Extended JSON, and hash to its sha256.
 */
export async function verifyArchive(file: string, report = reporterOf({})): Promise<BackupManifest> {
  const corrupt = (what: string) =>
    new OperationError(
      `backup ${file} is damaged: ${what}; nothing was written`,
      "use another copy of the backup (this one does not match its own manifest)",
    );
  const lines = readGzipLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw corrupt("it is empty");
    const manifest = parseManifest(first.value, corrupt);
    if (manifest.version > BACKUP_VERSION) {
      throw new OperationError(
        `backup ${file} has format version ${manifest.version}; this program reads up to ${BACKUP_VERSION}`,
        "restore it with a newer jupiter",
      );
    }
    const total = manifest.collections.reduce((sum, entry) => sum + entry.count, 0);
    let checked = 0;
    report.progress("verify", 0, total);
    for (const entry of manifest.collections) {
      const hash = newHash();
      for (let i = 0; i < entry.count; i++) {
        const next = await lines.next();
        if (next.done) throw corrupt(`${entry.name} has ${i} of its ${entry.count} documents`);
        hash.update(`${next.value}\n`);
        try {
          EJSON.parse(next.value, { relaxed: false });
        } catch (error) {
          throw corrupt(
            `document ${i + 1} of ${entry.name} is not Extended JSON (${(error as Error).message})`,
          );
        }
        if (++checked % 5_000 === 0) report.progress("verify", checked, total);
      }
      if (hash.digest("hex") !== entry.sha256) throw corrupt(`the checksum of ${entry.name} does not match`);
    }
    const extra = await lines.next();
    if (!extra.done) throw corrupt("it has more lines than its manifest counts");
    report.progress("verify", total, total);
    return manifest;
  } catch (error) {
    if (error instanceof OperationError) throw error;
    throw corrupt((error as Error).message);
  } finally {
    await lines.return?.();
  }
}

/**
 * The manifest, parsed in canonical mode (index keys and validators keep their exact
 * number types), with its own counters as plain numbers.
 */
function parseManifest(line: string, corrupt: (what: string) => OperationError): BackupManifest {
  let parsed: BackupManifest;
  try {
    parsed = EJSON.parse(line, { relaxed: false }) as BackupManifest;
  } catch (error) {
    throw corrupt(`its manifest cannot be read (${(error as Error).message})`);
  }
  if (parsed?.format !== BACKUP_FORMAT || !Array.isArray(parsed.collections)) {
    throw corrupt(`its first line is not a ${BACKUP_FORMAT} manifest`);
  }
  return {
    ...parsed,
    version: Number(parsed.version),
    collections: parsed.collections.map((entry) => ({ ...entry, count: Number(entry.count) })),
  };
}

/**
 * An index as listIndexes reported it, as createIndexes takes it: a text index's
 * `_fts`/`_ftsx` key becomes its fields again (from `weights`); `ns` goes.
 */
export function toCreateSpec(index: Document): Document {
  const { ns: _ns, ...spec } = index;
  const key = spec.key as Document;
  if (!("_fts" in key)) return spec;
  const rebuilt: Document = {};
  for (const [field, direction] of Object.entries(key)) {
    if (field === "_fts") {
      for (const textField of Object.keys((spec.weights as Document | undefined) ?? {}))
        rebuilt[textField] = "text";
    } else if (field !== "_ftsx") {
      rebuilt[field] = direction;
    }
  }
  return { ...spec, key: rebuilt };
}

async function restoreWithMongorestore(
  db: Db,
  file: string,
  format: "builtin" | "mongodump",
  options: RestoreOptions,
  started: number,
): Promise<RestoreResult> {
  if (format !== "mongodump") {
    throw new OperationError(
      `${file} is a jupiter backup, which mongorestore cannot read`,
      "restore it with --engine builtin (the default)",
    );
  }
  chooseEngine("mongodump", "mongorestore");
  if (!options.uri) throw new OperationError("mongorestore needs the connection string", "pass uri");
  const args = [
    `--uri=${options.uri}`,
    `--archive=${file}`,
    "--gzip",
    // Whatever database the archive came from, restore into this one.
    "--nsFrom=$db$.$coll$",
    `--nsTo=${db.databaseName}.$coll$`,
  ];
  if (options.drop) args.push("--drop");
  await runTool("mongorestore", args, reporterOf(options).log);
  return {
    engine: "mongodump",
    sourceDatabase: null,
    collections: [],
    dropped: [],
    durationMs: Date.now() - started,
  };
}
