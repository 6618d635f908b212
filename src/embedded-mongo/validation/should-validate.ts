import type { ValidationPolicy } from "./validation-policy";

/**
 * Whether a write is validated at all: never with level "off"; with "moderate", updates to
 * documents that were already invalid are let through. Defaults are mongod's ("strict").
 */
export function shouldValidate(policy: Omit<ValidationPolicy, "action">): boolean {
  const level = policy.level ?? "strict";
  if (level === "off") return false;
  return !(level === "moderate" && policy.isUpdate && policy.oldDocValid === false);
}
