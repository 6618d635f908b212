/** The object holding the last segment of a path, and that segment (for numeric tags). */
export function parentAtPath(doc: unknown, path: string): [Record<string, unknown>, string] | null {
  const parts = path.split(".");
  let cur: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    if (cur === null || typeof cur !== "object") return null;
    cur = (cur as Record<string, unknown>)[parts[i]];
  }
  if (cur === null || typeof cur !== "object") return null;
  return [cur as Record<string, unknown>, parts[parts.length - 1]];
}
