import { OperationError } from "./operation-error";

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** "30d", "12h", "90m", "45s", "2w", "500ms" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/i.exec(text);
  if (!match) {
    throw new OperationError(
      `"${text}" is not a duration`,
      "write a number and a unit: 30d (days), 12h, 90m, 45s, 2w or 500ms, e.g. --older-than 30d",
    );
  }
  const ms = Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]!;
  if (!(ms > 0)) throw new OperationError(`duration "${text}" must be greater than zero`, "use e.g. 30d");
  return ms;
}
