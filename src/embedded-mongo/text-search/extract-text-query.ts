import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";

/** A filter split into its `$text` argument and the rest (handed to the ordinary matcher). */
export interface TextQueryParts {
  text: unknown;
  rest: Record<string, unknown>;
}

const NESTING = new Set(["$or", "$nor", "$not", "$elemMatch"]);

/**
 * Finds `$text` at the top level of a filter or in a top-level `$and` (the places the engine
 * evaluates it); `$text` anywhere else (under $or, $nor, $not, $elemMatch) is code 2 BadValue,
 * as are two `$text` expressions. Returns null for a filter without `$text`.
 */
export function extractTextQuery(filter: Record<string, unknown>): TextQueryParts | null {
  let text: unknown = undefined;
  let found = 0;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === "$text") {
      text = value;
      found++;
      continue;
    }
    if (key === "$and" && Array.isArray(value)) {
      const parts: unknown[] = [];
      for (const part of value) {
        if (isPlainObject(part) && "$text" in part) {
          const inner = extractTextQuery(part);
          if (inner) {
            text = inner.text;
            found++;
            if (Object.keys(inner.rest).length > 0) parts.push(inner.rest);
            continue;
          }
        }
        assertNoNestedText(part);
        parts.push(part);
      }
      if (parts.length > 0) rest.$and = parts;
      continue;
    }
    assertNoNestedText(value, NESTING.has(key));
    rest[key] = value;
  }
  if (found === 0) return null;
  if (found > 1) throw new CommandError(2, "Too many text expressions");
  return { text, rest };
}

function assertNoNestedText(value: unknown, nested = true): void {
  if (Array.isArray(value)) {
    for (const v of value) assertNoNestedText(v, nested);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (key === "$text" && nested) {
      throw new CommandError(
        2,
        "$text is not allowed in this context (only at the top level or in a top-level $and)",
      );
    }
    assertNoNestedText(v, true);
  }
}

/** Whether a filter uses `$text` anywhere (cheap pre-check). */
export function mentionsText(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsText);
  if (!isPlainObject(value)) return false;
  for (const [key, v] of Object.entries(value)) if (key === "$text" || mentionsText(v)) return true;
  return false;
}

/** The filter without its `$text` part (for code that evaluates the filter on one document). */
export function withoutText(filter: Record<string, unknown>): Record<string, unknown> {
  if (!mentionsText(filter)) return filter;
  return extractTextQuery(filter)?.rest ?? filter;
}
