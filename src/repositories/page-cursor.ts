import { createHmac, timingSafeEqual } from "node:crypto";
import { ObjectId } from "mongodb";
import { BadUserInputError } from "../errors/gateway-error";

/** Sort-key values a cursor carries: epoch milliseconds for dates, a rank for enums. */
export type CursorKey = readonly number[];

/** Where a page starts: just after the document with these sort-key values and _id. */
export interface CursorPosition {
  key: CursorKey;
  id: ObjectId;
}

const VERSION = 1;

/*
 * A cursor is base64url(JSON {v, o, k, i, m}):
 *   v  format version, so the format can change without misreading old cursors
 *   o  the ordering it was issued for, e.g. "cases:SEVERITY:DESC"
 *   k  the sort-key values of the last document of the page
 *   i  that document's _id (hex): the tie-breaker, so the position is exact
 *   m  a MAC over the rest
 * Cursors are deterministic (same node, same ordering → same cursor), so they stay
 * valid across restarts and between gateway instances. The MAC is not a secret
 * boundary — a cursor only says where to resume a query the caller may run anyway —
 * it makes hand-edited or truncated cursors fail loudly as "invalid cursor" instead of
 * silently resuming somewhere else.
 */
const MAC_KEY = "jupiter-gateway/page-cursor/v1";
const MAC_LENGTH = 16;

/** Encodes the position just after a document in the given ordering. */
export function encodeCursor(ordering: string, key: CursorKey, id: ObjectId): string {
  const body = { v: VERSION, o: ordering, k: [...key], i: id.toHexString() };
  return Buffer.from(JSON.stringify({ ...body, m: mac(body) })).toString("base64url");
}

/**
 * Decodes an `after` argument. Throws BAD_USER_INPUT "invalid cursor" when the cursor
 * is malformed or tampered with, or was issued for another ordering.
 */
export function decodeCursor(cursor: string, ordering: string, keyLength: number): CursorPosition {
  const payload = parse(cursor);
  if (
    payload === undefined ||
    payload.v !== VERSION ||
    typeof payload.o !== "string" ||
    !Array.isArray(payload.k) ||
    payload.k.length !== keyLength ||
    !payload.k.every((value) => typeof value === "number" && Number.isFinite(value)) ||
    typeof payload.i !== "string" ||
    !/^[0-9a-f]{24}$/.test(payload.i) ||
    typeof payload.m !== "string" ||
    !sameMac(payload.m, mac({ v: payload.v, o: payload.o, k: payload.k, i: payload.i }))
  ) {
    throw new BadUserInputError(
      'Invalid cursor in argument "after": pass an endCursor or edge cursor this field returned, unchanged',
      { argument: "after" },
    );
  }
  if (payload.o !== ordering) {
    throw new BadUserInputError(
      `Invalid cursor in argument "after": it was issued for another ordering (${describe(payload.o)}), ` +
        `not ${describe(ordering)}; start again without "after" when changing the order`,
      { argument: "after" },
    );
  }
  return { key: payload.k as number[], id: ObjectId.createFromHexString(payload.i) };
}

interface CursorPayload {
  v?: unknown;
  o?: unknown;
  k?: unknown;
  i?: unknown;
  m?: unknown;
}

function parse(cursor: string): CursorPayload | undefined {
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as CursorPayload)
      : undefined;
  } catch {
    return undefined;
  }
}

function mac(body: { v: unknown; o: unknown; k: unknown; i: unknown }): string {
  return createHmac("sha256", MAC_KEY)
    .update(JSON.stringify([body.v, body.o, body.k, body.i]))
    .digest("base64url")
    .slice(0, MAC_LENGTH);
}

function sameMac(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "cases:SEVERITY:DESC" → "cases by SEVERITY DESC". */
function describe(ordering: string): string {
  const [collection, field, direction] = ordering.split(":");
  return `${collection} by ${field} ${direction}`;
}
