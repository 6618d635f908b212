import { Query } from "mingo/query";
import { retagFrom } from "../bson/retag-from";
import type { Doc } from "../storage/doc";
import { queryOptions } from "./mingo-options";

/** Applies a find projection lazily (mingo's projection), keeping numeric types of untouched fields. */
export function* projectDocuments(
  docs: Iterator<Doc>,
  projection: Record<string, unknown> | undefined,
  filter: Record<string, unknown>,
): Generator<Doc> {
  if (!projection || Object.keys(projection).length === 0) {
    for (let r = docs.next(); !r.done; r = docs.next()) yield r.value;
    return;
  }
  const included = topLevelInclusion(projection);
  if (included) {
    for (let r = docs.next(); !r.done; r = docs.next()) yield pick(r.value, included);
    return;
  }
  // The positional projection ("a.$") needs the filter to find the matched element.
  const positional = Object.keys(projection).some((k) => k.endsWith(".$"));
  const query = new Query(positional ? filter : {}, queryOptions);
  let last: Doc | undefined;
  const source: Iterable<Doc> = {
    [Symbol.iterator]: () => ({
      next: (): IteratorResult<Doc> => {
        const r = docs.next();
        if (!r.done) last = r.value;
        return r;
      },
    }),
  };
  const cursor = query.find<Doc>(source, projection);
  for (;;) {
    const out = cursor.next();
    if (out === undefined) return;
    const ordered = inSourceOrder(last as Doc, out);
    retagFrom(last, ordered);
    yield ordered;
  }
}

/** mongod keeps a projected document's fields in the stored order (_id first); new fields go last. */
function inSourceOrder(source: Doc, out: Doc): Doc {
  const outKeys = Object.keys(out);
  const sourceKeys = Object.keys(source).filter((k) => k in out);
  if (sourceKeys.every((k, i) => outKeys[i] === k)) return out;
  const ordered: Doc = {};
  for (const k of sourceKeys) ordered[k] = out[k];
  for (const k of outKeys) if (!(k in ordered)) ordered[k] = out[k];
  return ordered;
}

/**
 * The field names of a projection that only includes top-level fields (`{a: 1, b: true}`,
 * optionally with `_id: 0`), the most common kind: it needs no query engine, only a pick.
 * Undefined for anything else (paths, operators, exclusions, expressions).
 */
function topLevelInclusion(projection: Record<string, unknown>): Set<string> | undefined {
  const included = new Set<string>(["_id"]);
  for (const [key, value] of Object.entries(projection)) {
    if (key.includes(".") || key.startsWith("$")) return undefined;
    if (value === 1 || value === true) included.add(key);
    else if (key === "_id" && (value === 0 || value === false)) included.delete("_id");
    else return undefined;
  }
  // `{_id: 0}` alone excludes: every other field stays.
  return [...included].some((key) => key !== "_id") ? included : undefined;
}

/** The included fields of `doc`, in its stored order, with their numeric types. */
function pick(doc: Doc, included: Set<string>): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) if (included.has(key)) out[key] = doc[key];
  retagFrom(doc, out);
  return out;
}
