import type { CommandStartedEvent } from "mongodb";

/** Commands whose first field does not name a collection. */
const GETMORE = "getMore";

/**
 * The collection a command works on, as MongoDB's wire protocol spells it: the value
 * of the command's first field (`{ find: "cases" }`), or `collection` for getMore.
 * Empty for database-level commands (ping, hello, aggregate: 1, transactions).
 */
export function collectionOf(event: Pick<CommandStartedEvent, "commandName" | "command">): string {
  const command = event.command as Record<string, unknown>;
  const target = event.commandName === GETMORE ? command.collection : command[event.commandName];
  return typeof target === "string" && target.length <= 120 ? target : "";
}

/** A stable code name for a failed command: the server's codeName, else the error's name. */
export function failureCodeOf(failure: unknown): string {
  const error = failure as { codeName?: unknown; code?: unknown; name?: unknown } | undefined;
  if (typeof error?.codeName === "string" && /^\w{1,64}$/.test(error.codeName)) return error.codeName;
  if (typeof error?.name === "string" && /^\w{1,64}$/.test(error.name)) return error.name;
  return "UnknownError";
}
