/** Sets a dotted path in a plain document, creating intermediate objects. */
export function setAtPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (next === null || typeof next !== "object") {
      const created: Record<string, unknown> = {};
      cur[parts[i]] = created;
      cur = created;
    } else cur = next as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}
