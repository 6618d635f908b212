import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import type { Collection } from "../storage/collection";
import type { IndexSpec } from "../storage/index-spec";
import { SIMPLE, normalizeIndexSpec } from "../storage/normalize-index-spec";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";

/** createIndexes: identical specs are no-ops; name or key clashes fail as in mongod (85/86). */
export function createIndexesCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const raw = ctx.cmd.indexes;
  if (!Array.isArray(raw) || raw.length === 0)
    throw new CommandError(2, "Must specify at least one index to create");
  const specs = raw.map(normalizeIndexSpec);
  const db = ctx.engine.db(ctx.dbName);
  const existed = db.get(name) !== undefined;
  const coll = db.getOrCreate(name);
  for (const spec of specs) inheritCollation(spec, coll);
  const before = coll.indexes.size;
  const toCreate: IndexSpec[] = [];
  for (const spec of specs) {
    if (isAlreadyThere(coll, spec)) continue;
    if (toCreate.some((s) => s.name === spec.name)) continue;
    toCreate.push(spec);
  }
  for (const spec of toCreate) coll.addIndex(spec);
  const reply: Record<string, unknown> = {
    numIndexesBefore: before,
    numIndexesAfter: coll.indexes.size,
    createdCollectionAutomatically: !existed,
  };
  if (toCreate.length === 0) reply.note = "all indexes already exist";
  reply.ok = 1;
  return reply;
}

/** An index without a collation takes the collection's default; an explicit simple one keeps none. */
function inheritCollation(spec: IndexSpec, coll: Collection): void {
  if (spec.collation === SIMPLE) delete spec.collation;
  else if (spec.collation === undefined && coll.collation) spec.collation = { ...coll.collation.spec };
}

const COMPARED_OPTIONS = [
  "unique",
  "sparse",
  "partialFilterExpression",
  "expireAfterSeconds",
  "collation",
  "weights",
  "default_language",
  "language_override",
  "hidden",
];

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return COMPARED_OPTIONS.every((k) => compareValues(a[k] ?? null, b[k] ?? null) === 0);
}

function sameKey(a: IndexSpec, b: IndexSpec): boolean {
  const ka = Object.keys(a.key);
  const kb = Object.keys(b.key);
  return (
    ka.length === kb.length && ka.every((k, i) => k === kb[i] && compareValues(a.key[k], b.key[k]) === 0)
  );
}

/** True for an exact duplicate; throws for a conflicting one. */
function isAlreadyThere(coll: Collection, spec: IndexSpec): boolean {
  const byName = coll.indexes.get(spec.name);
  if (byName) {
    if (!sameKey(byName.spec, spec)) {
      throw new CommandError(
        86,
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${describe(spec)}, existing index: ${describe(byName.spec)}`,
      );
    }
    if (!sameOptions(byName.spec, spec)) {
      throw new CommandError(
        85,
        `An equivalent index already exists with the same name but different options. Requested index: ${describe(spec)}, existing index: ${describe(byName.spec)}`,
      );
    }
    return true;
  }
  if (spec.key._fts === "text") {
    const other = [...coll.indexes.values()].find((i) => i.spec.key._fts === "text");
    if (other) {
      throw new CommandError(
        85,
        `only one text index per collection allowed, found existing text index "${other.name}". Requested index: ${describe(spec)}, existing index: ${describe(other.spec)}`,
      );
    }
  }
  for (const index of coll.indexes.values()) {
    if (!sameKey(index.spec, spec)) continue;
    // Same key under another name: allowed only when the indexes differ in what they contain.
    const partialDiffers =
      compareValues(index.spec.partialFilterExpression ?? null, spec.partialFilterExpression ?? null) !== 0;
    const collationDiffers = compareValues(index.spec.collation ?? null, spec.collation ?? null) !== 0;
    if (partialDiffers || collationDiffers) continue;
    if (sameOptions(index.spec, spec)) {
      throw new CommandError(85, `Index already exists with a different name: ${index.name}`);
    }
    throw new CommandError(
      85,
      `An equivalent index already exists with a different name and options. Requested index: ${describe(spec)}, existing index: ${describe(index.spec)}`,
    );
  }
  return false;
}

function describe(spec: IndexSpec): string {
  try {
    return JSON.stringify(spec);
  } catch {
    return spec.name;
  }
}
