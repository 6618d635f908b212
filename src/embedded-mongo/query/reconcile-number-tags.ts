import { numberTagOf, tagNumber, untagNumber, type NumericTag } from "../bson/numeric-tags";
import { retagFrom } from "../bson/retag-from";
import type { Doc } from "../storage/doc";
import { parentAtPath } from "./parent-at-path";

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/**
 * After an operator update, makes numeric tags follow mongod's typing: assigned values keep the
 * type they were sent with, and arithmetic widens (int32 -> int64 on overflow, anything with a
 * double -> double).
 */
export function reconcileNumberTags(before: Doc, after: Doc, modifier: Record<string, unknown>): void {
  for (const [op, spec] of Object.entries(modifier)) {
    if (spec === null || typeof spec !== "object") continue;
    const args = spec as Record<string, unknown>;
    for (const path of Object.keys(args)) {
      if (path.includes("$")) continue;
      const loc = parentAtPath(after, path);
      if (!loc) continue;
      const [container, key] = loc;
      const value = container[key];
      switch (op) {
        case "$set":
        case "$min":
        case "$max":
          assign(container, key, value, args, path);
          break;
        case "$inc":
        case "$mul":
          arithmetic(before, path, container, key, value, args);
          break;
        case "$rename": {
          const target = args[path];
          if (typeof target !== "string") break;
          const src = parentAtPath(before, path);
          const dst = parentAtPath(after, target);
          if (!src || !dst) break;
          const tag = numberTagOf(src[0], src[1]);
          if (tag && typeof dst[0][dst[1]] === "number") tagNumber(dst[0], dst[1], tag);
          break;
        }
        default:
          break;
      }
    }
  }
}

function assign(
  container: Record<string, unknown>,
  key: string,
  value: unknown,
  args: Record<string, unknown>,
  path: string,
): void {
  if (typeof value === "number") {
    if (value !== args[path]) return; // $min/$max kept the old value
    const tag = numberTagOf(args, path);
    if (tag) tagNumber(container, key, tag);
    else untagNumber(container, key);
  } else if (value !== null && typeof value === "object") retagFrom(args[path], value);
}

function arithmetic(
  before: Doc,
  path: string,
  container: Record<string, unknown>,
  key: string,
  value: unknown,
  args: Record<string, unknown>,
): void {
  if (typeof value !== "number") return;
  const old = parentAtPath(before, path);
  const oldValue = old ? old[0][old[1]] : undefined;
  const oldTag = old ? numberTagOf(old[0], old[1]) : undefined;
  const operand = args[path];
  const operandTag = numberTagOf(args, path);
  let tag: NumericTag | undefined;
  const isDouble = (v: unknown, t: NumericTag | undefined) =>
    t === "double" || (typeof v === "number" && !Number.isInteger(v));
  if (isDouble(oldValue, oldTag) || isDouble(operand, operandTag)) tag = "double";
  else if (oldTag === "long" || operandTag === "long" || value > INT32_MAX || value < INT32_MIN) tag = "long";
  if (tag === "double" && !Number.isInteger(value)) tag = undefined; // a fraction is a double anyway
  if (tag) tagNumber(container, key, tag);
  else untagNumber(container, key);
}
