import { compareValues } from "../bson/compare-values";
import { isPlainObject } from "../bson/is-plain-object";

type Doc = Record<string, unknown>;

/** One compiled `$topN` accumulator of a `$group` stage. */
export interface TopNAccumulator {
  /** The dotted field paths of `sortBy`, so the stage can check its input has no arrays on them. */
  readonly sortPaths: readonly string[];
  initial(): TopNState;
  step(state: TopNState, doc: Doc): TopNState;
  finish(state: TopNState): unknown[];
}

interface Entry {
  keys: unknown[];
  value: unknown;
}

/** The best entries so far, in sortBy order, never more than n. */
type TopNState = Entry[];

/**
 * `$topN: {n, sortBy, output}` in the group stage's fast path: each group keeps its n first
 * documents in sortBy order in a sorted array (a binary-search insert per document, nothing
 * kept past n), instead of mingo's accumulator. Only the plain form is compiled — a constant
 * whole n ≥ 1 and a sortBy of field paths with 1/-1 — anything else returns undefined and
 * the stage goes to mingo, which also reports the errors. Missing sort fields sort as null,
 * a missing output is null (as mongod). Equal keys keep input order. Arrays on a sort path
 * need $sort's array rules: the stage checks `sortPaths` and hands such input to mingo.
 */
export function compileTopN(
  spec: unknown,
  output: (expr: unknown) => (doc: Doc) => unknown,
): TopNAccumulator | undefined {
  if (!isPlainObject(spec)) return undefined;
  const keys = Object.keys(spec).sort();
  if (keys.join(",") !== "n,output,sortBy") return undefined;
  const { n, sortBy } = spec as { n: unknown; sortBy: unknown };
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) return undefined;
  if (!isPlainObject(sortBy) || Object.keys(sortBy).length === 0) return undefined;
  const fields = Object.entries(sortBy);
  if (
    fields.some(
      ([path, direction]) => path.startsWith("$") || path === "" || (direction !== 1 && direction !== -1),
    )
  ) {
    return undefined;
  }
  const paths = fields.map(([path]) => path.split("."));
  const directions = fields.map(([, direction]) => direction as number);
  const outputOf = output(spec.output);
  const compare = (a: unknown[], b: unknown[]): number => {
    for (let i = 0; i < a.length; i++) {
      const order = compareValues(a[i], b[i]) * directions[i]!;
      if (order !== 0) return order;
    }
    return 0;
  };
  return {
    sortPaths: fields.map(([path]) => path),
    initial: () => [],
    step(state, doc) {
      const entryKeys = paths.map((path) => valueAt(doc, path));
      // Past n and not before the last kept: nothing to do.
      if (state.length === n && compare(entryKeys, state[n - 1]!.keys) >= 0) return state;
      // The first position whose key sorts after this one's (equal keys keep input order).
      let low = 0;
      let high = state.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compare(state[middle]!.keys, entryKeys) <= 0) low = middle + 1;
        else high = middle;
      }
      const value = outputOf(doc);
      state.splice(low, 0, { keys: entryKeys, value: value === undefined ? null : value });
      if (state.length > n) state.pop();
      return state;
    },
    finish: (state) => state.map((entry) => entry.value),
  };
}

/** The value at a dotted path, null when missing (sortBy's rule); arrays never reach here. */
function valueAt(doc: Doc, path: readonly string[]): unknown {
  let value: unknown = doc;
  for (const part of path) {
    if (value === null || typeof value !== "object") return null;
    value = (value as Doc)[part];
  }
  return value === undefined ? null : value;
}

/** True when some document has an array at or along one of the paths. */
export function hasArrayOnPaths(docs: readonly Doc[], paths: readonly string[]): boolean {
  const split = paths.map((path) => path.split("."));
  return docs.some((doc) =>
    split.some((path) => {
      let value: unknown = doc;
      for (const part of path) {
        if (value === null || typeof value !== "object") return false;
        value = (value as Doc)[part];
        if (Array.isArray(value)) return true;
      }
      return false;
    }),
  );
}
