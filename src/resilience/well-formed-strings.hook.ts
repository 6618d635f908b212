import type { FastifyRequest } from "fastify";

/**
 * preHandler of the GraphQL route: every string of the request (query text, variables,
 * extensions; JSON body or query string) becomes well-formed UTF-16, each lone surrogate
 * replaced by U+FFFD. MongoDB stores BSON as UTF-8, which cannot hold a lone surrogate (it
 * stored U+FFFD while the answer echoed the original), and some validators throw on them;
 * normalising at the edge makes what is stored, validated and answered the same string.
 */
export async function wellFormedStringsHook(request: FastifyRequest): Promise<void> {
  if (request.body !== undefined) request.body = wellFormed(request.body);
  if (request.query !== undefined) request.query = wellFormed(request.query);
}

/**
 * String.prototype.isWellFormed and toWellFormed (ES2024, in Node 20; not in this project's
 * TypeScript lib yet): native scans, far cheaper on long strings than a regular expression.
 * toWellFormed replaces each lone surrogate with U+FFFD.
 */
const stringMethods = String.prototype as unknown as {
  isWellFormed(this: string): boolean;
  toWellFormed(this: string): string;
};

function wellFormedString(text: string): string {
  return stringMethods.isWellFormed.call(text) ? text : stringMethods.toWellFormed.call(text);
}

/** `value` with every string (keys too) made well-formed; the same object when nothing changes. */
export function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return wellFormedString(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = wellFormed(value[i]);
    return value;
  }
  const prototype = value !== null && typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = wellFormed(record[key]);
      const fixed = wellFormedString(key);
      if (fixed === key) {
        record[key] = item;
      } else {
        delete record[key];
        record[fixed] = item;
      }
    }
  }
  return value;
}
