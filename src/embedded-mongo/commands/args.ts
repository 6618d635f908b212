import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";
import type { CommandContext } from "./command-context";

/** The collection a command targets: the string value of its first field. */
export function collectionArg(ctx: CommandContext): string {
  const name = ctx.cmd[ctx.name];
  if (typeof name !== "string" || name.length === 0) {
    throw new CommandError(73, `collection name has invalid type ${typeof name}`);
  }
  return name;
}

export function docArg(
  value: unknown,
  field: string,
  fallback: Record<string, unknown> = {},
): Record<string, unknown> {
  if (value === undefined || value === null) return fallback;
  if (!isPlainObject(value))
    throw new CommandError(14, `BSON field '${field}' is the wrong type, expected object`);
  return value;
}

export function intArg(value: unknown, field: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === "object" ? Number((value as { valueOf(): unknown }).valueOf()) : value;
  if (typeof n !== "number" || Number.isNaN(n)) {
    throw new CommandError(14, `BSON field '${field}' is the wrong type, expected a number`);
  }
  return Math.trunc(n);
}

export function nonNegativeIntArg(value: unknown, field: string, fallback: number): number {
  const n = intArg(value, field, fallback);
  if (n < 0) throw new CommandError(51024, `BSON field '${field}' value must be >= 0, actual value '${n}'`);
  return n;
}

export function boolArg(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  return Boolean(value);
}
