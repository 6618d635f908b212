/** Deepest level of a variables object described before it is cut to "…". */
const MAX_DEPTH = 5;
/** Keys of one object described; the rest are counted. */
const MAX_KEYS = 30;

/**
 * What a request's variables look like without what they hold, for the slow-request
 * log: each value becomes its JSON type (`{ first: "number", filter: { status:
 * ["string"] } }`); an array shows the shape of its first item and its length.
 */
export function variablesShape(value: unknown, depth = 0): unknown {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return "array";
    return value.length === 0 ? [] : [variablesShape(value[0], depth + 1), `length ${value.length}`];
  }
  if (typeof value === "object") {
    if (depth >= MAX_DEPTH) return "object";
    const entries = Object.entries(value as Record<string, unknown>);
    const shape: Record<string, unknown> = {};
    for (const [key, item] of entries.slice(0, MAX_KEYS)) shape[key] = variablesShape(item, depth + 1);
    if (entries.length > MAX_KEYS) shape["…"] = `${entries.length - MAX_KEYS} more keys`;
    return shape;
  }
  return typeof value;
}
