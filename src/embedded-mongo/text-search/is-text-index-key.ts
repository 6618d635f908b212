/** Whether an index key pattern describes a text index (a field valued "text", or `_fts`). */
export function isTextIndexKey(key: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(key).some(([field, value]) => value === "text" || field === "_fts");
}
