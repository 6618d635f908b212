/**
 * A half-open range condition: `from` inclusive, `to` exclusive, so that consecutive
 * ranges tile without overlap. Undefined when neither bound is given.
 */
export function dateRangeQuery(
  from?: Date | null,
  to?: Date | null,
): { $gte?: Date; $lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
}
