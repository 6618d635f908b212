/** A normalized sort: ordered (path, direction) pairs. */
export type SortSpec = Array<{ path: string; dir: 1 | -1 }>;

export function toSortSpec(sort: unknown): SortSpec {
  if (sort === null || typeof sort !== "object") return [];
  return Object.entries(sort as Record<string, unknown>).map(([path, d]) => ({
    path,
    dir: typeof d === "number" && d < 0 ? -1 : 1,
  }));
}
