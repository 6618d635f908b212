import { type Db, type Document, type IndexDescription, MongoServerError } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { COLLECTION_VALIDATORS, VALIDATION_ACTION, VALIDATION_LEVEL } from "../db/collection-validators";
import { DATA_MODEL_INDEXES } from "../db/data-model-indexes";
import { ROLLUP_INDEXES } from "../db/rollup-indexes";
import { comparable } from "./comparable";
import {
  differences,
  fromDescription,
  fromListed,
  type IndexDefinition,
  sameIdentity,
} from "./index-definitions";
import { OperationError } from "./operation-error";
import { type OperationReporting, reporterOf } from "./operation-events";

export type CollectionAction = "created" | "validator-applied" | "validator-unchanged" | "exists";
export type IndexAction = "created" | "exists" | "drift";

export interface SetupResult {
  collections: { name: string; action: CollectionAction }[];
  indexes: { collection: string; name: string; action: IndexAction; detail?: string }[];
  /** Indexes on the server that the data model does not list; reported, never dropped. */
  extraIndexes: { collection: string; name: string }[];
  created: number;
  existing: number;
  drift: number;
}

/** Exit code of `jupiter db setup` when it found drift (everything else was still applied). */
export const DRIFT_EXIT_CODE = 2;

const CODE_NAMESPACE_EXISTS = 48;
const CODE_COMMAND_NOT_FOUND = 59;
const CODE_INDEX_OPTIONS_CONFLICT = 85;
const CODE_INDEX_KEY_SPECS_CONFLICT = 86;

/**
 * Creates the collections of the data model with their validators and every index of
 * src/db/data-model-indexes.ts. Idempotent: what already exists as specified is reported
 * as such; a validator that differs is replaced with collMod (the validator list is the
 * specification); an index that exists with the same key (or name) but other options is
 * reported as drift and left as it is, never dropped or replaced.
 */
export async function setupDatabase(db: Db, options: OperationReporting = {}): Promise<SetupResult> {
  const report = reporterOf(options);
  const result: SetupResult = {
    collections: [],
    indexes: [],
    extraIndexes: [],
    created: 0,
    existing: 0,
    drift: 0,
  };

  // The rollup collections (README "Rollups") come with their indexes too.
  const names: string[] = [...Object.values(COLLECTIONS), ...Object.keys(ROLLUP_INDEXES)];
  const indexesOf = (name: string): readonly IndexDescription[] =>
    (DATA_MODEL_INDEXES as Readonly<Record<string, readonly IndexDescription[]>>)[name] ??
    ROLLUP_INDEXES[name] ??
    [];
  for (const name of names) {
    const action = await ensureCollection(db, name);
    result.collections.push({ name, action });
    report.log(`collection ${name}: ${action}`);
    if (action === "created") result.created++;
    else result.existing++;
  }

  const indexTotal = names.reduce((n, name) => n + indexesOf(name).length, 0);
  let indexDone = 0;
  report.progress("indexes", 0, indexTotal);
  for (const name of names) {
    const wanted = indexesOf(name);
    const listed = (await db.collection(name).listIndexes().toArray()).map(fromListed);
    for (const description of wanted) {
      const outcome = await ensureIndex(db, name, description, listed);
      result.indexes.push({ collection: name, ...outcome });
      if (outcome.action === "created") result.created++;
      else if (outcome.action === "exists") result.existing++;
      else result.drift++;
      report.log(
        outcome.action === "drift"
          ? `DRIFT index ${name}.${outcome.name}: ${outcome.detail}`
          : `index ${name}.${outcome.name}: ${outcome.action}`,
      );
      report.progress("indexes", ++indexDone, indexTotal);
    }
    const wantedDefinitions = wanted.map(fromDescription);
    for (const found of listed) {
      if (found.name === "_id_") continue;
      const known = wantedDefinitions.some((w) => w.name === found.name || sameIdentity(w, found));
      if (!known) result.extraIndexes.push({ collection: name, name: found.name });
    }
  }
  return result;
}

async function ensureCollection(db: Db, name: string): Promise<CollectionAction> {
  const validator = (COLLECTION_VALIDATORS as Readonly<Record<string, Document>>)[name];
  const wanted: Document = validator
    ? { validator, validationLevel: VALIDATION_LEVEL, validationAction: VALIDATION_ACTION }
    : {};
  const existing = await db.listCollections({ name }, { nameOnly: false }).next();
  if (!existing) {
    try {
      await db.createCollection(name, wanted);
      return "created";
    } catch (error) {
      // Another `db setup` created it in between: carry on as for an existing one.
      if (!(error instanceof MongoServerError && error.code === CODE_NAMESPACE_EXISTS)) throw error;
    }
  }
  if (!validator) return "exists";
  const current =
    (existing ?? (await db.listCollections({ name }, { nameOnly: false }).next()))?.options ?? {};
  if (sameValidation(current as Document, wanted)) return "validator-unchanged";
  try {
    await db.command({ collMod: name, ...wanted });
  } catch (error) {
    if (error instanceof MongoServerError && error.code === CODE_COMMAND_NOT_FOUND) {
      throw new OperationError(
        `the server does not support collMod, so the validator of the existing collection ${name} cannot be applied (${error.message})`,
        `use a MongoDB server (3.2 or newer), or drop the empty collection ${name} and run "jupiter db setup" again to create it with its validator`,
      );
    }
    throw error;
  }
  return "validator-applied";
}

function sameValidation(current: Document, wanted: Document): boolean {
  return (
    comparable(current.validator ?? null) === comparable(wanted.validator) &&
    (current.validationLevel ?? "strict") === wanted.validationLevel &&
    (current.validationAction ?? "error") === wanted.validationAction
  );
}

async function ensureIndex(
  db: Db,
  collection: string,
  description: IndexDescription,
  listed: IndexDefinition[],
): Promise<{ name: string; action: IndexAction; detail?: string }> {
  const wanted = fromDescription(description);
  const byName = listed.find((found) => found.name === wanted.name);
  const byKey = listed.find((found) => sameIdentity(wanted, found));
  const found = byName ?? byKey;
  if (found) {
    const diff = differences(wanted, found);
    if (diff.length === 0) return { name: wanted.name, action: "exists" };
    return {
      name: wanted.name,
      action: "drift",
      detail: `${diff.join("; ")} (left as it is; to adopt the data model's definition drop index "${found.name}" of ${collection} and run "jupiter db setup" again)`,
    };
  }
  try {
    const { key, ...rest } = description;
    await db.collection(collection).createIndex(key as Document, { ...rest, name: wanted.name });
    return { name: wanted.name, action: "created" };
  } catch (error) {
    if (
      error instanceof MongoServerError &&
      (error.code === CODE_INDEX_OPTIONS_CONFLICT || error.code === CODE_INDEX_KEY_SPECS_CONFLICT)
    ) {
      return { name: wanted.name, action: "drift", detail: `the server refused it: ${error.message}` };
    }
    throw error;
  }
}
