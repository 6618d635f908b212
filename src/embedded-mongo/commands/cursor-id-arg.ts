import { Long } from "bson";
import { CommandError } from "../errors/command-error";

/** A cursor id as sent by a client (a number once decoded, or a Long beyond 2^53). */
export function cursorIdArg(value: unknown): Long {
  if (typeof value === "number" && Number.isInteger(value)) return Long.fromNumber(value);
  if (value instanceof Long) return value;
  if (typeof value === "bigint") return Long.fromBigInt(value);
  throw new CommandError(14, "cursor id must be a 64-bit integer");
}
