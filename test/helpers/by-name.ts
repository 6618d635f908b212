/**
 * Table rows for `it.each(...)("%s", (name, row) => …)`: each row with its `name` first, so that
 * the test is named exactly that (`$name` would quote it and cut it at 40 characters).
 */
export function byName<T extends { name: string }>(rows: readonly T[]): [string, T][] {
  return rows.map((row) => [row.name, row]);
}
