import { compareValues, type StringComparator } from "../bson/compare-values";
import type { Doc } from "../storage/doc";
import { valuesAtPath } from "../storage/values-at-path";
import type { SortSpec } from "./sort-spec";
import { firstSorted } from "./first-sorted";

/** The value a document sorts by for one field: arrays sort by their smallest (ascending) or largest (descending) element. */
export function sortValue(doc: Doc, path: string, dir: 1 | -1, strings?: StringComparator): unknown {
  const direct = path.indexOf(".") < 0 ? doc[path] : undefined;
  if (direct !== undefined && (direct === null || typeof direct !== "object")) return direct;
  const { values } = valuesAtPath(doc, path);
  if (values.length === 1) return values[0];
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const c = compareValues(values[i], best, strings);
    if (dir === 1 ? c < 0 : c > 0) best = values[i];
  }
  return best;
}

/** A comparator over precomputed sort keys. */
function compareKeys(spec: SortSpec, strings?: StringComparator): (a: unknown[], b: unknown[]) => number {
  return (a, b) => {
    for (let i = 0; i < spec.length; i++) {
      const c = compareValues(a[i], b[i], strings);
      if (c !== 0) return spec[i].dir === 1 ? c : -c;
    }
    return 0;
  };
}

/**
 * Sorts documents with MongoDB's ordering (stable). When only the first `keep` are wanted a
 * bounded insertion buffer avoids sorting everything. `strings` is the collation's comparator.
 */
export function sortDocuments(
  docs: Doc[],
  spec: SortSpec,
  keep = Infinity,
  strings?: StringComparator,
): Doc[] {
  if (spec.length === 0) return docs;
  const cmp = compareKeys(spec, strings);
  const keyed = docs.map((doc, i) => ({
    doc,
    i,
    key: spec.map((s) => sortValue(doc, s.path, s.dir, strings)),
  }));
  const byKey = (x: (typeof keyed)[number], y: (typeof keyed)[number]) => cmp(x.key, y.key) || x.i - y.i;
  return firstSorted(keyed, keep, byKey).map((k) => k.doc);
}
