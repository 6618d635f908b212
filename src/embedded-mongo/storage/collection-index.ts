import { Query } from "mingo/query";
import { queryOptions } from "../query/mingo-options";
import { compareValues } from "../bson/compare-values";
import type { Collation } from "../collation/collation";
import { parseCollation } from "../collation/parse-collation";
import { CommandError } from "../errors/command-error";
import type { Doc } from "./doc";
import type { IndexSpec } from "./index-spec";
import { SortedKeyList } from "./sorted-key-list";
import { valuesAtPath } from "./values-at-path";
import { TextIndex, parseTextIndexSpec } from "../text-search";

export interface IndexField {
  path: string;
  /** 1 or -1; hashed keys are kept in ascending order. */
  dir: 1 | -1;
}

/** Usage counters kept for $indexStats. */
export interface IndexAccesses {
  ops: number;
  since: Date;
}

const MAX_KEYS_PER_DOC = 10_000;

/**
 * A secondary (or _id) index: a sorted list of (key, recordId) entries. Single-field keys are the
 * raw value; compound keys are arrays. Text and geo indexes are stored as specs only ("stored").
 */
export class Index {
  readonly fields: IndexField[];
  readonly kind: "btree" | "stored";
  readonly entries: SortedKeyList<unknown>;
  readonly accesses: IndexAccesses = { ops: 0, since: new Date() };
  multikey = false;
  /** The inverted index of a text index (kind "stored"), keyed by record id. */
  readonly text: TextIndex<number> | null;
  private readonly partial: Query | null;
  /** Each field's path split on dots, for the array-free fast path of key extraction. */
  private readonly parts: string[][];
  readonly compareKeys: (a: unknown, b: unknown) => number;
  /** The index's collation (undefined = simple): its keys are ordered, and unique, under it. */
  readonly collation: Collation | undefined;

  constructor(readonly spec: IndexSpec) {
    const key = spec.key;
    const stored =
      Object.values(key).some((d) => d === "text" || d === "2dsphere" || d === "2d") ||
      Object.keys(key).some((k) => k.includes("$**"));
    this.kind = stored ? "stored" : "btree";
    this.text = key._fts === "text" ? new TextIndex<number>(parseTextIndexSpec(key, spec)) : null;
    this.fields = Object.entries(key).map(([path, d]) => ({
      path,
      dir: typeof d === "number" && d < 0 ? -1 : 1,
    }));
    this.parts = this.fields.map((f) => f.path.split("."));
    this.partial = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression, queryOptions)
      : null;
    this.collation = parseCollation(spec.collation) ?? undefined;
    this.compareKeys = this.makeComparator();
    this.entries = new SortedKeyList(this.compareKeys);
  }

  get name(): string {
    return this.spec.name;
  }

  /** The _id index is unique without saying so in its spec (listIndexes shows no `unique`). */
  get unique(): boolean {
    return this.spec.unique === true || this.spec.name === "_id_";
  }

  get isCompound(): boolean {
    return this.fields.length > 1;
  }

  private makeComparator(): (a: unknown, b: unknown) => number {
    const strings = this.collation?.compare;
    if (this.fields.length === 1) {
      if (strings)
        return this.fields[0].dir === 1
          ? (a, b) => compareValues(a, b, strings)
          : (a, b) => compareValues(b, a, strings);
      return this.fields[0].dir === 1 ? compareValues : (a, b) => compareValues(b, a);
    }
    const dirs = this.fields.map((f) => f.dir);
    return (a, b) => {
      const ka = a as unknown[];
      const kb = b as unknown[];
      for (let i = 0; i < dirs.length; i++) {
        const c = compareValues(ka[i], kb[i], strings);
        if (c !== 0) return dirs[i] === 1 ? c : -c;
      }
      return 0;
    };
  }

  /** Whether the document belongs in this index at all (partial filter, sparse). */
  covers(doc: Doc): boolean {
    if (!this.partial && !this.spec.sparse) return true;
    if (this.partial && !this.partial.test(doc)) return false;
    if (this.spec.sparse) {
      return this.fields.some((f) => valuesAtPath(doc, f.path).values.some((v) => v !== null));
    }
    return true;
  }

  /** The distinct keys of a document (several for multikey paths), or none if not covered. */
  keysFor(doc: Doc): unknown[] {
    if (this.kind !== "btree" || !this.covers(doc)) return [];
    const fields = this.fields;
    if (fields.length === 1) {
      const v = plainValue(doc, this.parts[0]);
      if (v !== ARRAY) return [v];
      const pv = valuesAtPath(doc, fields[0].path);
      if (pv.multikey) this.multikey = true;
      return pv.values.length === 1 ? pv.values : this.dedupe(pv.values);
    }
    const key: unknown[] = new Array(fields.length);
    let i = 0;
    for (; i < fields.length; i++) {
      const v = plainValue(doc, this.parts[i]);
      if (v === ARRAY) break;
      key[i] = v;
    }
    if (i === fields.length) return [key];
    let keys: unknown[][] = [[]];
    for (const field of fields) {
      const pv = valuesAtPath(doc, field.path);
      if (pv.multikey) this.multikey = true;
      const next: unknown[][] = [];
      for (const prefix of keys) for (const v of pv.values) next.push([...prefix, v]);
      if (next.length > MAX_KEYS_PER_DOC) {
        throw new CommandError(171, `cannot index parallel arrays for index ${this.name}`);
      }
      keys = next;
    }
    return keys.length === 1 ? keys : this.dedupe(keys);
  }

  private dedupe(keys: unknown[]): unknown[] {
    const sorted = keys.slice().sort(this.compareKeys);
    const out: unknown[] = [];
    for (const k of sorted)
      if (out.length === 0 || this.compareKeys(out[out.length - 1], k) !== 0) out.push(k);
    return out;
  }

  /** The key as a {field: value} document, for DuplicateKey errors. */
  keyValueOf(key: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.fields.forEach((f, i) => {
      out[f.path] = this.isCompound ? (key as unknown[])[i] : key;
    });
    return out;
  }

  add(keys: unknown[], rid: number): void {
    for (const k of keys) this.entries.insert(k, rid);
  }

  delete(keys: unknown[], rid: number): void {
    for (const k of keys) this.entries.remove(k, rid);
  }

  /** Rebuilds the entries from scratch (createIndexes on a populated collection). */
  build(docs: Iterable<[number, Doc]>): void {
    const keys: unknown[] = [];
    const rids: number[] = [];
    for (const [rid, doc] of docs) {
      for (const k of this.keysFor(doc)) {
        keys.push(k);
        rids.push(rid);
      }
    }
    this.entries.load(keys, rids);
  }
}

/** Marks "an array is on the way": the caller falls back to full multikey expansion. */
const ARRAY = Symbol("array");

/** The value at a path when no array is involved (missing -> null), else ARRAY. */
function plainValue(doc: Doc, parts: string[]): unknown {
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== "object") return null;
    if (Array.isArray(cur)) return ARRAY;
    cur = (cur as Record<string, unknown>)[parts[i]];
  }
  if (cur === undefined) return null;
  if (Array.isArray(cur)) return ARRAY;
  return cur;
}
