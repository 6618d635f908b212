/**
 * The first `keep` items in `cmp` order. When few are wanted (under a quarter) a bounded
 * insertion buffer avoids sorting everything; otherwise `items` is sorted in place. `cmp`
 * must be a total order (break ties, e.g. by position) for the result to be stable.
 */
export function firstSorted<T>(items: T[], keep: number, cmp: (a: T, b: T) => number): T[] {
  if (keep >= items.length / 4) return items.sort(cmp);
  const top: T[] = [];
  for (const item of items) {
    if (top.length >= keep && cmp(item, top[top.length - 1]) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(top[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > keep) top.pop();
  }
  return top;
}
