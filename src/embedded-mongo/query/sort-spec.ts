/** A normalized sort: ordered (path, direction) pairs. */
export type SortSpec = Array<{ path: string; dir: 1 | -1; meta?: "textScore" }>;

export function toSortSpec(sort: unknown): SortSpec {
  if (sort === null || typeof sort !== "object") return [];
  return Object.entries(sort as Record<string, unknown>).map(([path, d]): SortSpec[number] =>
    isTextScoreMeta(d)
      ? { path, dir: -1, meta: "textScore" }
      : { path, dir: typeof d === "number" && d < 0 ? -1 : 1 },
  );
}

/** {$meta: "textScore"}: sorts by the $text score, highest first. */
export function isTextScoreMeta(v: unknown): boolean {
  return (
    v !== null &&
    typeof v === "object" &&
    Object.keys(v).length === 1 &&
    (v as Record<string, unknown>).$meta === "textScore"
  );
}
