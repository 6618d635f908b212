import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type ClientSession, type Db, MongoServerError } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { DATA_MODEL_INDEXES } from "../db/data-model-indexes";
import { acquireLock, type LockOptions } from "./operation-lock";
import { OperationError } from "./operation-error";
import { type OperationReporting, reporterOf } from "./operation-events";
import { detectTransactionSupport } from "../db/transaction-support";
import { MONGO_SERVER_CODES } from "../errors/mongo-server-codes";

/** Where the project's migrations live: `migrations/` at the repository root. */
export const DEFAULT_MIGRATIONS_DIR = resolve(__dirname, "../../migrations");

/** Name of the lock every `up`/`down` holds (in `migration_locks`). */
export const MIGRATION_LOCK = "migrations";

/**
 * What a migration file exports. `session` is set when the migration runs inside a
 * transaction: pass it to every data write so that the write and the migration's record
 * commit together. Index builds and other DDL must not use it (MongoDB refuses most DDL in
 * a transaction); keep them idempotent (createIndex is). Without transactions `session`
 * is undefined and every step must be safe to run again (a run may stop half-way).
 */
export interface MigrationModule {
  up(db: Db, session?: ClientSession): Promise<void>;
  down(db: Db, session?: ClientSession): Promise<void>;
  /** `false` runs this migration without a transaction even where one is available. */
  transactional?: boolean;
}

export interface MigrationFile {
  name: string;
  path: string;
  /** sha256 (hex) of the file's bytes. */
  checksum: string;
}

/** A document of the `migrations` collection. */
export interface MigrationRecord {
  name: string;
  checksum: string;
  executed_at: Date;
  duration_ms: number;
  transaction: boolean;
}

export type MigrationState = "applied" | "pending" | "changed" | "missing-file";

export interface MigrationStatusEntry {
  name: string;
  state: MigrationState;
  executed_at: Date | null;
  checksum: string | null;
}

export interface MigrationOptions extends OperationReporting {
  /** Directory of the migration files (default: `migrations/`). */
  dir?: string;
  /** up: apply up to and including this one; down: revert every one after it ("initial": all). */
  to?: string;
  /** Say what would run; change nothing, take no lock. */
  dryRun?: boolean;
  /** "auto" (default): transactions where the deployment supports them; "never". */
  transactions?: "auto" | "never";
  lock?: Omit<LockOptions, "log">;
}

export interface MigrationRunResult {
  direction: "up" | "down";
  /** Names applied (up) or reverted (down), in the order they ran. */
  done: string[];
  /** With dryRun: what would have run. */
  planned: string[];
  dryRun: boolean;
  transactions: { used: boolean; reason: string };
}

const MIGRATION_FILE = /^(\d+[_-][\w-]+)\.(ts|js)$/;

/** The migration files of `dir`, ordered by name (their numeric prefix). */
export function listMigrationFiles(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    throw new OperationError(
      `cannot read the migrations directory ${dir}: ${(error as Error).message}`,
      "run from the repository (migrations/ next to src/) or pass the directory explicitly",
    );
  }
  const files: MigrationFile[] = [];
  for (const entry of entries) {
    const match = MIGRATION_FILE.exec(entry);
    if (!match || entry.endsWith(".d.ts")) continue;
    const path = join(dir, entry);
    files.push({ name: match[1]!, path, checksum: sha256(readFileSync(path)) });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.name === files[i - 1]!.name) {
      throw new OperationError(
        `two migration files are named ${files[i]!.name}`,
        "keep one of them (a .ts and a .js of the same migration cannot coexist)",
      );
    }
  }
  return files;
}

/** Applied and pending migrations, in order; changed or vanished files are flagged. */
export async function migrationStatus(
  db: Db,
  options: Pick<MigrationOptions, "dir"> = {},
): Promise<MigrationStatusEntry[]> {
  const files = listMigrationFiles(options.dir);
  const records = await appliedRecords(db);
  const entries: MigrationStatusEntry[] = files.map((file) => {
    const record = records.get(file.name);
    if (!record) return { name: file.name, state: "pending", executed_at: null, checksum: file.checksum };
    return {
      name: file.name,
      state: record.checksum === file.checksum ? "applied" : "changed",
      executed_at: record.executed_at,
      checksum: record.checksum,
    };
  });
  for (const record of records.values()) {
    if (!files.some((file) => file.name === record.name)) {
      entries.push({
        name: record.name,
        state: "missing-file",
        executed_at: record.executed_at,
        checksum: record.checksum,
      });
    }
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Applies the pending migrations in name order (up to `to`), each once: under the
 * migration lock, the applied list is read again before anything runs, each migration
 * and its record in `migrations` commit in one transaction where the deployment supports
 * it, and `migrations` has a unique index on `name`. A migration whose file changed since
 * it was applied is an error naming it; nothing runs then.
 */
export async function migrateUp(db: Db, options: MigrationOptions = {}): Promise<MigrationRunResult> {
  const files = listMigrationFiles(options.dir);
  if (options.to !== undefined && !files.some((file) => file.name === options.to)) {
    throw unknownMigration(options.to, files);
  }
  const plan = (records: Map<string, MigrationRecord>) =>
    files.filter((file) => !records.has(file.name) && (options.to === undefined || file.name <= options.to));

  return runLocked(db, "up", options, files, plan, async (file, module, session) => {
    await module.up(db, session);
    const record: MigrationRecord = {
      name: file.name,
      checksum: file.checksum,
      executed_at: new Date(),
      duration_ms: 0,
      transaction: session !== undefined,
    };
    return async (durationMs: number) => {
      try {
        await db
          .collection<MigrationRecord>(COLLECTIONS.migrations)
          .insertOne({ ...record, duration_ms: durationMs }, { session });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === MONGO_SERVER_CODES.duplicateKey) {
          throw new OperationError(
            `migration ${file.name} was recorded by another runner while this one applied it`,
            "this should not happen under the lock: check for runners that bypass it, and the data of this migration",
          );
        }
        throw error;
      }
    };
  });
}

/**
 * Reverts the applied migrations after `to` (all of them with `to: "initial"`), newest
 * first, removing each record with its revert (in one transaction where supported).
 */
export async function migrateDown(db: Db, options: MigrationOptions): Promise<MigrationRunResult> {
  const files = listMigrationFiles(options.dir);
  const to = options.to;
  if (to === undefined) {
    throw new OperationError(
      "down needs --to NAME: the last migration to keep",
      'name an applied migration (see "jupiter db migrate status"), or --to initial to revert all',
    );
  }
  if (to !== "initial" && !files.some((file) => file.name === to)) throw unknownMigration(to, files);
  const plan = (records: Map<string, MigrationRecord>) =>
    [...records.keys()]
      .filter((name) => to === "initial" || name > to)
      .sort()
      .reverse()
      .map((name) => {
        const file = files.find((f) => f.name === name);
        if (!file) {
          throw new OperationError(
            `migration ${name} is applied but its file is missing, so it cannot be reverted`,
            `restore migrations/${name}.ts, or keep it: down --to ${name}`,
          );
        }
        return file;
      });

  return runLocked(db, "down", options, files, plan, async (file, module, session) => {
    await module.down(db, session);
    return async () => {
      await db.collection(COLLECTIONS.migrations).deleteOne({ name: file.name }, { session });
    };
  });
}

type Step = (
  file: MigrationFile,
  module: MigrationModule,
  session: ClientSession | undefined,
) => Promise<(durationMs: number) => Promise<void>>;

async function runLocked(
  db: Db,
  direction: "up" | "down",
  options: MigrationOptions,
  files: MigrationFile[],
  plan: (records: Map<string, MigrationRecord>) => MigrationFile[],
  step: Step,
): Promise<MigrationRunResult> {
  const report = reporterOf(options);
  const result: MigrationRunResult = {
    direction,
    done: [],
    planned: [],
    dryRun: options.dryRun === true,
    transactions: { used: false, reason: "" },
  };

  if (options.dryRun) {
    const records = await appliedRecords(db);
    assertChecksums(files, records);
    result.planned = plan(records).map((file) => file.name);
    result.transactions.reason = "dry run: nothing executed";
    for (const name of result.planned) report.log(`would ${direction === "up" ? "apply" : "revert"} ${name}`);
    if (result.planned.length === 0) report.log("nothing to do");
    return result;
  }

  await ensureMigrationIndexes(db);
  const support =
    options.transactions === "never"
      ? { supported: false, reason: "transactions disabled" }
      : await detectTransactionSupport(db, COLLECTIONS.migrations);
  result.transactions = { used: support.supported, reason: support.reason };
  report.log(
    support.supported
      ? `each migration runs in a transaction (${support.reason})`
      : `running WITHOUT transactions: ${support.reason}; each migration must be safe to re-run`,
  );

  const lock = await acquireLock(db, MIGRATION_LOCK, { ...options.lock, log: report.log });
  try {
    // Read under the lock: another runner may have applied some while we waited.
    const records = await appliedRecords(db);
    assertChecksums(files, records);
    const todo = plan(records);
    result.planned = todo.map((file) => file.name);
    if (todo.length === 0) {
      report.log(
        direction === "up"
          ? "nothing to do: no pending migration"
          : "nothing to do: no applied migration after the one to keep",
      );
    }
    if (todo.length > 0) report.progress(`migrate ${direction}`, 0, todo.length);
    for (const file of todo) {
      await lock.assertHeld();
      const module = await loadMigration(file);
      const useTransaction = support.supported && module.transactional !== false;
      const started = Date.now();
      if (useTransaction) {
        const session = db.client.startSession();
        try {
          await session.withTransaction(async () => {
            const record = await step(file, module, session);
            await record(Date.now() - started);
          });
        } finally {
          await session.endSession();
        }
      } else {
        const record = await step(file, module, undefined);
        await record(Date.now() - started);
      }
      result.done.push(file.name);
      report.log(
        `${direction === "up" ? "applied" : "reverted"} ${file.name} in ${Date.now() - started} ms${useTransaction ? " (transaction)" : ""}`,
      );
      report.progress(`migrate ${direction}`, result.done.length, todo.length);
    }
  } finally {
    await lock.release();
  }
  return result;
}

async function ensureMigrationIndexes(db: Db): Promise<void> {
  const indexes = DATA_MODEL_INDEXES[COLLECTIONS.migrations] ?? [];
  if (indexes.length > 0) await db.collection(COLLECTIONS.migrations).createIndexes([...indexes]);
}

async function appliedRecords(db: Db): Promise<Map<string, MigrationRecord>> {
  const records = await db
    .collection<MigrationRecord>(COLLECTIONS.migrations)
    .find({}, { projection: { _id: 0 } })
    .toArray();
  return new Map(records.map((record) => [record.name, record]));
}

function assertChecksums(files: MigrationFile[], records: Map<string, MigrationRecord>): void {
  const changed = files.filter((file) => {
    const record = records.get(file.name);
    return record !== undefined && record.checksum !== file.checksum;
  });
  if (changed.length > 0) {
    const names = changed.map((file) => file.name).join(", ");
    throw new OperationError(
      `applied migration${changed.length > 1 ? "s" : ""} ${names} changed since ${changed.length > 1 ? "they were" : "it was"} applied (checksum in the migrations collection: ${records.get(changed[0]!.name)!.checksum.slice(0, 12)}…, file: ${changed[0]!.checksum.slice(0, 12)}…)`,
      "an applied migration must not be edited: restore the file as it was (git checkout) and put the change in a new migration",
    );
  }
}

function unknownMigration(name: string, files: MigrationFile[]): OperationError {
  return new OperationError(
    `there is no migration named "${name}"`,
    `use one of: ${files.map((file) => file.name).join(", ") || "(none)"}`,
  );
}

/**
 * Loads a migration module: through `require` where TypeScript is registered (the CLI
 * runs under tsx), through `import()` where the loader transforms it (vitest).
 */
async function loadMigration(file: MigrationFile): Promise<MigrationModule> {
  let loaded: unknown;
  try {
    // A module path known only at run time; tsx's require hook compiles TypeScript.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(file.path);
  } catch {
    loaded = await import(pathToFileURL(file.path).href);
  }
  const named = loaded as Partial<MigrationModule> & { default?: Partial<MigrationModule> };
  const module = typeof named.up === "function" ? named : (named.default ?? named);
  if (typeof module.up !== "function" || typeof module.down !== "function") {
    throw new OperationError(
      `migration ${file.name} does not export up(db, session) and down(db, session)`,
      `add both exported functions to ${file.path}`,
    );
  }
  return module as MigrationModule;
}

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}
