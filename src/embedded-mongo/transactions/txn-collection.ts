import { markUnjournaled } from "../persistence/change-recorder";
import { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import { Index } from "../storage/collection-index";
import type { WriteChange } from "../storage/write-change";
import { ridById } from "./find-by-id";
import { idKey } from "./id-key";

/** What a transaction wrote to one document: its _id and the version its snapshot held (null: none). */
export interface TxnWrite {
  id: unknown;
  origin: Doc | null;
  /** When it was first written, across all transactions (the order of its change event). */
  seq: number;
}

let nextWriteSeq = 0;

/** The transaction's hook run before the first write of each document (conflict detection). */
export interface WriteGate {
  beforeFirstWrite(coll: TxnCollection, key: string, id: unknown, origin: Doc | null): void;
}

/**
 * A transaction's private copy of a collection: the snapshot's documents (shared, never mutated)
 * under the same record ids, with rebuilt indexes. Writes land here only; the write set remembers
 * each touched _id and the version the snapshot held, for conflict checks and for the commit.
 */
export class TxnCollection extends Collection {
  readonly writes = new Map<string, TxnWrite>();

  constructor(
    private readonly gate: WriteGate,
    /** The real collection this copies (null when the transaction created the collection). */
    readonly base: Collection | null,
    dbName: string,
    name: string,
    options: Record<string, unknown>,
  ) {
    super(dbName, name, options);
    markUnjournaled(this);
    if (base) {
      // Map's own copy is several times faster than re-inserting entry by entry.
      Object.defineProperty(this, "docs", { value: new Map(base.docs) });
      this.nextRid = base.nextRid;
      for (const f of base.decimalFields) this.decimalFields.add(f);
      for (const index of base.indexes.values()) {
        if (index.kind !== "btree") {
          this.addIndex(index.spec);
          continue;
        }
        // Share the sorted entries copy-on-write rather than re-extract every document's keys.
        const copy = new Index(index.spec);
        Object.defineProperty(copy, "entries", { value: index.entries.clone() });
        copy.multikey = index.multikey;
        this.indexes.set(index.name, copy);
      }
    }
  }

  override apply(change: WriteChange): number {
    const before: Doc | null = change.op === "insert" ? null : (this.docs.get(change.rid) ?? null);
    if (change.op !== "insert" && before === null) return super.apply(change);
    const id = change.op === "insert" ? change.doc._id : (before as Doc)._id;
    // A duplicate _id in the transaction's own view is a plain DuplicateKey, not a conflict.
    if (change.op === "insert" && ridById(this, id) !== undefined) return super.apply(change);
    const key = idKey(id);
    const first = !this.writes.has(key);
    if (first) this.gate.beforeFirstWrite(this, key, id, before);
    const rid = super.apply(change);
    if (first) this.writes.set(key, { id, origin: before, seq: nextWriteSeq++ });
    return rid;
  }
}
