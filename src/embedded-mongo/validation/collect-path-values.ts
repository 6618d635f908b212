/**
 * The values a query path reaches in a document, walking arrays as the query language does
 * (`tags.name` visits every element of `tags`; a numeric part indexes the array). With
 * `expandLeafArrays` an array at the end of the path contributes its elements instead of itself,
 * as mongod lists `consideredValues`. Undefined when the path reaches nothing.
 */
export function collectPathValues(
  doc: Readonly<Record<string, unknown>>,
  path: string,
  expandLeafArrays: boolean,
): unknown[] | undefined {
  const parts = path.split(".");
  const values: unknown[] = [];
  let reached = false;

  const visit = (value: unknown, depth: number): void => {
    if (value === undefined) return;
    if (depth === parts.length) {
      reached = true;
      if (expandLeafArrays && Array.isArray(value)) values.push(...value);
      else values.push(value);
      return;
    }
    const part = parts[depth];
    if (Array.isArray(value)) {
      if (/^\d+$/.test(part)) visit(value[Number(part)], depth + 1);
      else for (const item of value) visit(item, depth);
    } else if (
      value !== null &&
      typeof value === "object" &&
      !("_bsontype" in value) &&
      !(value instanceof Date)
    ) {
      const record = value as Record<string, unknown>;
      if (Object.hasOwn(record, part)) visit(record[part], depth + 1);
    }
  };

  visit(doc, 0);
  return reached ? values : undefined;
}
