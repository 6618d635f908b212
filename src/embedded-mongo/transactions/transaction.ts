import { CommandError } from "../errors/command-error";
import type { Collection } from "../storage/collection";
import { Database } from "../storage/database";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";
import { validateCollectionName } from "../storage/validate-collection-name";
import { ridById } from "./find-by-id";
import { TxnCollection, type WriteGate } from "./txn-collection";

export type TxnState = "inProgress" | "committed" | "aborted";

export function writeConflict(): CommandError {
  return new CommandError(
    112,
    "WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.",
    { errorLabels: ["TransientTransactionError"] },
  );
}

function currentDoc(coll: Collection | undefined, id: unknown): Doc | null {
  if (!coll) return null;
  const rid = ridById(coll, id);
  return rid === undefined ? null : (coll.docs.get(rid) ?? null);
}

/** A transaction's view of one database: collections are copied from the real one on first use. */
class TxnDatabase extends Database {
  constructor(
    name: string,
    private readonly txn: Transaction,
  ) {
    super(name);
  }

  override get(name: string): TxnCollection | undefined {
    const mine = this.collections.get(name) as TxnCollection | undefined;
    if (mine) return mine;
    const real = this.txn.realEngine.databases.get(this.name)?.get(name);
    if (!real) return undefined;
    const copy = new TxnCollection(this.txn, real, this.name, name, { ...real.options });
    this.collections.set(name, copy);
    return copy;
  }

  override getOrCreate(name: string, options: Record<string, unknown> = {}): TxnCollection {
    const existing = this.get(name);
    if (existing) return existing;
    validateCollectionName(name);
    const created = new TxnCollection(this.txn, null, this.name, name, options);
    this.collections.set(name, created);
    return created;
  }

  override drop(name: string): boolean {
    throw new CommandError(263, `Cannot run 'drop' on ${this.name}.${name} in a multi-document transaction.`);
  }
}

/**
 * One multi-document transaction: a workspace (copy-on-first-use collections) seen through a
 * shadow engine that commands run against unchanged. First writer wins: the first write of a
 * document fails with WriteConflict when another open transaction wrote it or when the real
 * document changed since this transaction's copy was taken. The commit re-checks, then applies
 * the net changes through Collection.apply, undoing everything applied if one fails.
 */
export class Transaction implements WriteGate {
  state: TxnState = "inProgress";
  /** The WriteConflict raised in the current command, turned into a command error by the caller. */
  conflict: CommandError | null = null;
  readonly shadow: Engine;
  private readonly dbs = new Map<string, TxnDatabase>();

  constructor(
    readonly realEngine: Engine,
    readonly txnNumber: number,
    private readonly open: Set<Transaction>,
  ) {
    const shadow = Object.create(realEngine) as Engine;
    Object.defineProperty(shadow, "databases", { value: this.dbs });
    Object.defineProperty(shadow, "db", { value: (name: string) => this.db(name) });
    this.shadow = shadow;
    open.add(this);
  }

  private db(name: string): Database {
    let db = this.dbs.get(name);
    if (!db) {
      db = new TxnDatabase(name, this);
      this.dbs.set(name, db);
    }
    return db;
  }

  private *collections(): Generator<TxnCollection> {
    for (const db of this.dbs.values()) {
      for (const c of db.collections.values()) yield c as TxnCollection;
    }
  }

  /** True when this transaction wrote the document `key` of namespace `ns`. */
  wrote(ns: string, key: string): boolean {
    const db = this.dbs.get(ns.slice(0, ns.indexOf(".")));
    const coll = db?.collections.get(ns.slice(ns.indexOf(".") + 1)) as TxnCollection | undefined;
    return coll?.writes.has(key) ?? false;
  }

  beforeFirstWrite(coll: TxnCollection, key: string, id: unknown, origin: Doc | null): void {
    let conflict = false;
    for (const other of this.open) {
      if (other !== this && other.state === "inProgress" && other.wrote(coll.ns, key)) conflict = true;
    }
    if (!conflict && coll.base) {
      const real = this.realEngine.databases.get(coll.dbName)?.get(coll.name);
      conflict = real !== coll.base || currentDoc(real, id) !== origin;
    }
    if (conflict) {
      this.conflict = writeConflict();
      throw this.conflict;
    }
  }

  abort(): void {
    if (this.state === "inProgress") this.state = "aborted";
    this.dbs.clear();
    this.open.delete(this);
  }

  /** Applies the workspace to the real collections, all or nothing. */
  commit(): void {
    if (this.state !== "inProgress") throw new CommandError(251, "Transaction is not in progress");
    const plans: { shadow: TxnCollection; real: Collection | undefined }[] = [];
    for (const shadow of this.collections()) {
      if (shadow.writes.size === 0 && shadow.base) continue;
      const real = this.realEngine.databases.get(shadow.dbName)?.get(shadow.name);
      if (shadow.base && real !== shadow.base) throw writeConflict();
      for (const w of shadow.writes.values()) {
        if (currentDoc(real, w.id) !== w.origin) throw writeConflict();
      }
      plans.push({ shadow, real });
    }
    const undo: (() => void)[] = [];
    try {
      const deletes: [Collection, Doc][] = [];
      const updates: [Collection, Doc, Doc][] = [];
      const inserts: [Collection, Doc][] = [];
      for (const plan of plans) {
        let target = plan.real;
        if (!target) {
          const db = this.realEngine.db(plan.shadow.dbName);
          const name = plan.shadow.name;
          target = db.getOrCreate(name, plan.shadow.options);
          for (const index of plan.shadow.indexes.values()) {
            if (index.name !== "_id_") target.addIndex(index.spec);
          }
          undo.push(() => db.drop(name));
        }
        for (const w of plan.shadow.writes.values()) {
          const final = currentDoc(plan.shadow, w.id);
          if (final === w.origin) continue;
          if (final === null) deletes.push([target, w.origin as Doc]);
          else if (w.origin === null) inserts.push([target, final]);
          else updates.push([target, w.origin, final]);
        }
      }
      for (const [coll, old] of deletes) {
        coll.apply({ op: "delete", rid: ridById(coll, old._id) as number });
        undo.push(() => coll.apply({ op: "insert", doc: old }));
      }
      for (const [coll, old, doc] of updates) {
        const rid = ridById(coll, old._id) as number;
        coll.apply({ op: "update", rid, doc });
        undo.push(() => coll.apply({ op: "update", rid, doc: old }));
      }
      for (const [coll, doc] of inserts) {
        const rid = coll.apply({ op: "insert", doc });
        undo.push(() => coll.apply({ op: "delete", rid }));
      }
    } catch (err) {
      for (let i = undo.length - 1; i >= 0; i--) {
        try {
          undo[i]();
        } catch {
          // Undoing restores what was there a moment ago; it cannot clash.
        }
      }
      throw err;
    }
    this.state = "committed";
    this.dbs.clear();
    this.open.delete(this);
  }
}
