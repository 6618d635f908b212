import { DOCUMENT_MAX_BYTES, DOCUMENT_MAX_DEPTH } from "./write-limits";

/** One broken rule of a free-form document (case metadata, user settings). */
export interface PlainDocumentProblem {
  constraint: "plainObject" | "safeKeys" | "maxDepth" | "maxSize";
  message: string;
}

/**
 * Every rule a free-form document (case `metadata`, user `settings`) breaks:
 * - plainObject: an object (not a list) of JSON values only — strings, finite numbers,
 *   booleans, null, lists and objects;
 * - safeKeys: no key, at any depth, starts with `$` or contains `.` (MongoDB reads
 *   those as operators and paths: `{"$ne": null}` must never reach a query or an update);
 * - maxDepth: at most DOCUMENT_MAX_DEPTH levels of objects and lists;
 * - maxSize: at most DOCUMENT_MAX_BYTES of UTF-8 JSON.
 */
export function plainDocumentProblems(value: unknown): PlainDocumentProblem[] {
  if (!isPlainObject(value)) {
    return [{ constraint: "plainObject", message: "must be an object of JSON values" }];
  }
  const badKeys: string[] = [];
  const badValues: string[] = [];
  let depth = 0;
  const walk = (node: unknown, path: string, level: number): void => {
    if (node === null || typeof node === "string" || typeof node === "boolean") return;
    if (typeof node === "number") {
      if (!Number.isFinite(node)) badValues.push(path);
      return;
    }
    if (Array.isArray(node)) {
      depth = Math.max(depth, level);
      node.forEach((item, index) => walk(item, `${path}.${index}`, level + 1));
      return;
    }
    if (isPlainObject(node)) {
      depth = Math.max(depth, level);
      for (const [key, item] of Object.entries(node)) {
        const keyPath = path ? `${path}.${key}` : key;
        if (key.startsWith("$") || key.includes(".")) badKeys.push(keyPath);
        walk(item, keyPath, level + 1);
      }
      return;
    }
    badValues.push(path || "(root)");
  };
  walk(value, "", 1);

  const problems: PlainDocumentProblem[] = [];
  if (badValues.length > 0) {
    problems.push({
      constraint: "plainObject",
      message: `must hold JSON values only; not JSON at ${quoteList(badValues)}`,
    });
  }
  if (badKeys.length > 0) {
    problems.push({
      constraint: "safeKeys",
      message: `must have no key that starts with "$" or contains "."; found ${quoteList(badKeys)}`,
    });
  }
  if (depth > DOCUMENT_MAX_DEPTH) {
    problems.push({
      constraint: "maxDepth",
      message: `must be nested at most ${DOCUMENT_MAX_DEPTH} levels deep (it has ${depth})`,
    });
  }
  if (badValues.length === 0) {
    const bytes = Buffer.byteLength(JSON.stringify(value), "utf8");
    if (bytes > DOCUMENT_MAX_BYTES) {
      problems.push({
        constraint: "maxSize",
        message: `must be at most ${DOCUMENT_MAX_BYTES} bytes as JSON (it has ${bytes})`,
      });
    }
  }
  return problems;
}

/**
 * A copy of a document that passed plainDocumentProblems, made of ordinary objects:
 * GraphQL literals arrive as null-prototype objects, and nothing of the request object
 * should be shared with what is stored.
 */
export function toPlainDocument(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** An object whose prototype is Object.prototype or null: not a list, Date, ObjectId, class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function quoteList(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).map((path) => JSON.stringify(path));
  return paths.length > 5 ? `${shown.join(", ")} and ${paths.length - 5} more` : shown.join(", ");
}
