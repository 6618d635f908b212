import { serialize, UUID } from "bson";
import type { Collection } from "../storage/collection";
import type { Engine } from "../storage/engine";
import type { IndexSpec } from "../storage/index-spec";

/** What the journal records about one collection besides its documents. */
export interface CatalogEntry {
  db: string;
  name: string;
  uuid: string;
  options: Record<string, unknown>;
  indexes: IndexSpec[];
}

export function uuidKey(coll: Collection): string {
  return coll.uuid.toString("hex");
}

/** Hex of a stored uuid (a UUID, or a Binary once read back). */
export function hexOf(v: unknown): string {
  if (typeof v === "string") return v.replace(/-/g, "");
  if (v instanceof UUID) return v.toString("hex");
  return (v as { toString(enc: string): string }).toString("hex");
}

export function catalogOf(engine: Engine): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const db of engine.databases.values()) {
    for (const coll of db.collections.values()) {
      out.push({
        db: db.name,
        name: coll.name,
        uuid: uuidKey(coll),
        options: coll.options,
        indexes: [...coll.indexes.values()].map((i) => i.spec),
      });
    }
  }
  return out;
}

export function encodeCatalog(catalog: CatalogEntry[]): Buffer {
  return Buffer.from(serialize({ c: catalog }));
}

/** Gives a collection the uuid it had before the restart (uuids are stable, as in mongod). */
export function setUuid(coll: Collection, hex: string): void {
  Object.defineProperty(coll, "uuid", { value: new UUID(hex), writable: false, enumerable: true });
}

/** Makes the engine's collections match a recorded catalog (created, moved, re-optioned, indexed, dropped). */
export function applyCatalog(engine: Engine, catalog: CatalogEntry[]): void {
  const byUuid = new Map<string, Collection>();
  for (const db of engine.databases.values()) {
    for (const coll of db.collections.values()) byUuid.set(uuidKey(coll), coll);
  }
  const keep = new Set<string>();
  for (const entry of catalog) {
    const uuid = hexOf(entry.uuid);
    keep.add(uuid);
    let coll = byUuid.get(uuid);
    const targetDb = engine.db(entry.db);
    const occupant = targetDb.get(entry.name);
    if (coll && (coll.dbName !== entry.db || coll.name !== entry.name)) {
      engine.databases.get(coll.dbName)?.collections.delete(coll.name);
      if (occupant && occupant !== coll) targetDb.collections.delete(entry.name);
      coll.dbName = entry.db;
      coll.name = entry.name;
      targetDb.collections.set(entry.name, coll);
    }
    if (!coll) {
      if (occupant) targetDb.collections.delete(entry.name);
      coll = targetDb.getOrCreate(entry.name, { ...entry.options });
      setUuid(coll, uuid);
      byUuid.set(uuid, coll);
    }
    for (const k of Object.keys(coll.options)) delete coll.options[k];
    Object.assign(coll.options, entry.options);
    const wanted = new Map(entry.indexes.map((s) => [s.name, s]));
    for (const index of [...coll.indexes.values()]) {
      const spec = wanted.get(index.name);
      if (!spec || !Buffer.from(serialize(spec)).equals(Buffer.from(serialize(index.spec)))) {
        if (index.name !== "_id_") coll.dropIndex(index.name);
      }
    }
    for (const spec of entry.indexes) if (!coll.indexes.has(spec.name)) coll.addIndex(spec);
  }
  for (const [uuid, coll] of byUuid) {
    if (!keep.has(uuid)) engine.databases.get(coll.dbName)?.drop(coll.name);
  }
}
