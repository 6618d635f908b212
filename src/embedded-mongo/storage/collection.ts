import { UUID } from "bson";
import { containsDecimal } from "../bson/contains-decimal";
import type { Collation } from "../collation/collation";
import { parseCollation } from "../collation/parse-collation";
import { CommandError } from "../errors/command-error";
import type { Doc } from "./doc";
import { duplicateKeyError } from "./duplicate-key-error";
import { Index } from "./collection-index";
import type { IndexSpec } from "./index-spec";
import type { WriteChange } from "./write-change";
import { noteApplied } from "../persistence/change-recorder";
import { noteWrite } from "../change-streams/write-observers";
import { buildText, indexText, unindexText } from "../text-search/text-index-maintenance";

/**
 * A collection: documents by record id (insertion order = natural order) plus its indexes.
 * All mutations go through `apply`, the one place a transaction workspace or a persistence
 * journal will hook into.
 */
export class Collection {
  readonly docs = new Map<number, Doc>();
  readonly indexes = new Map<string, Index>();
  readonly uuid = new UUID();
  /** The next record id (transaction workspaces and snapshot loading copy it). */
  nextRid = 1;
  /** Top-level fields known to have held Decimal128 values (see aggregation guards). */
  readonly decimalFields = new Set<string>();

  constructor(
    public dbName: string,
    public name: string,
    readonly options: Record<string, unknown> = {},
  ) {
    // The _id index takes the collection's default collation, as in mongod.
    const collation = this.collation;
    const idIndex = new Index({
      v: 2,
      key: { _id: 1 },
      name: "_id_",
      ...(collation ? { collation: { ...collation.spec } } : {}),
    });
    this.indexes.set(idIndex.name, idIndex);
  }

  /** The default collation (undefined = simple), from the `collation` option of create (parsed once, cached). */
  get collation(): Collation | undefined {
    return parseCollation(this.options.collation) ?? undefined;
  }

  get ns(): string {
    return `${this.dbName}.${this.name}`;
  }

  get idIndex(): Index {
    return this.indexes.get("_id_") as Index;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Applies one change after checking unique constraints; returns the record id touched. */
  apply(change: WriteChange): number {
    switch (change.op) {
      case "insert": {
        const keys = this.checkedKeys(change.doc, null, -1);
        indexText(this.indexes, this.nextRid, change.doc);
        const rid = this.nextRid++;
        this.docs.set(rid, change.doc);
        for (const [index, k] of keys) index.add(k, rid);
        this.noteDecimals(change.doc);
        noteApplied(this, "i", change.doc._id, change.doc);
        noteWrite(this, "insert", null, change.doc);
        return rid;
      }
      case "update": {
        const old = this.docs.get(change.rid);
        if (!old) throw new CommandError(1, "record vanished during update");
        const keys = this.checkedKeys(change.doc, old, change.rid);
        indexText(this.indexes, change.rid, change.doc);
        for (const index of this.indexes.values()) {
          if (index.kind !== "btree") continue;
          const oldKeys = index.keysFor(old);
          const newKeys = keys.get(index) as unknown[];
          if (sameKeys(index, oldKeys, newKeys)) continue;
          index.delete(oldKeys, change.rid);
          index.add(newKeys, change.rid);
        }
        this.docs.set(change.rid, change.doc);
        this.noteDecimals(change.doc);
        noteApplied(this, "u", change.doc._id, change.doc);
        noteWrite(this, change.replace ? "replace" : "update", old, change.doc);
        return change.rid;
      }
      case "delete": {
        const old = this.docs.get(change.rid);
        if (!old) return change.rid;
        unindexText(this.indexes, change.rid);
        for (const index of this.indexes.values()) {
          if (index.kind === "btree") index.delete(index.keysFor(old), change.rid);
        }
        this.docs.delete(change.rid);
        noteApplied(this, "d", old._id, null);
        noteWrite(this, "delete", old, null);
        return change.rid;
      }
    }
  }

  /** Keys per index for a new document version, throwing DuplicateKey on a unique conflict. */
  private checkedKeys(doc: Doc, old: Doc | null, rid: number): Map<Index, unknown[]> {
    const out = new Map<Index, unknown[]>();
    for (const index of this.indexes.values()) {
      if (index.kind !== "btree") continue;
      const keys = index.keysFor(doc);
      out.set(index, keys);
      if (!index.unique) continue;
      for (const k of keys) {
        if (index.entries.hasKeyExcept(k, rid)) throw duplicateKeyError(this.ns, index, k);
      }
    }
    if (old === null && !("_id" in doc)) throw new CommandError(1, "document without _id");
    return out;
  }

  private noteDecimals(doc: Doc): void {
    for (const key of Object.keys(doc)) {
      if (containsDecimal(doc[key])) this.decimalFields.add(key);
    }
  }

  /** Adds an index and builds it; rejects with DuplicateKey if a unique index cannot hold the data. */
  addIndex(spec: IndexSpec): Index {
    const index = new Index(spec);
    buildText(index, this.docs.entries());
    if (index.kind === "btree") {
      index.build(this.docs.entries());
      if (index.unique) {
        let prev: unknown = undefined;
        let first = true;
        for (const [key] of index.entries.scan(null, null, false)) {
          if (!first && index.compareKeys(prev, key) === 0) throw duplicateKeyError(this.ns, index, key);
          prev = key;
          first = false;
        }
      }
    }
    this.indexes.set(spec.name, index);
    return index;
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }
}

function sameKeys(index: Index, a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (index.compareKeys(a[i], b[i]) !== 0) return false;
  return true;
}
