import type { ValidationPolicy } from "./validation-policy";
import { shouldValidate } from "./should-validate";

/**
 * For a write whose new document failed validation: whether to refuse it with code 121. With
 * action "warn" the write goes through and the engine logs a warning instead (when
 * shouldValidate is true); "error" (the default) and "errorAndLog" refuse it.
 */
export function shouldReject(policy: ValidationPolicy): boolean {
  return shouldValidate(policy) && (policy.action ?? "error") !== "warn";
}
