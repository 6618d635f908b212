import { CommandError } from "../errors/command-error";

/** mongod's rules for collection names that matter here (InvalidNamespace otherwise). */
export function validateCollectionName(name: string): void {
  if (typeof name !== "string" || name.length === 0)
    throw new CommandError(73, "Invalid collection name: empty");
  if (name.includes("\0") || name.startsWith("$") || name.startsWith(".") || name.endsWith(".")) {
    throw new CommandError(73, `Invalid collection name: ${name}`);
  }
}
