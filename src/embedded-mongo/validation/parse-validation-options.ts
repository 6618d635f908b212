import type { ValidationAction, ValidationLevel } from "./validation-policy";
import { ValidatorError } from "./validator-error";

const LEVELS: readonly ValidationLevel[] = ["off", "strict", "moderate"];
const ACTIONS: readonly ValidationAction[] = ["error", "warn", "errorAndLog"];

function parseEnumeration<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw ValidatorError.badValue(
      `Enumeration value '${String(value)}' for field '${field}' is not a valid value.`,
    );
  }
  return value as T;
}

/** Reads `validationLevel`/`validationAction` of create/collMod, with mongod's defaults and error. */
export function parseValidationOptions(options: { validationLevel?: unknown; validationAction?: unknown }): {
  level: ValidationLevel;
  action: ValidationAction;
} {
  return {
    level: parseEnumeration("validationLevel", options.validationLevel, LEVELS, "strict"),
    action: parseEnumeration("validationAction", options.validationAction, ACTIONS, "error"),
  };
}
