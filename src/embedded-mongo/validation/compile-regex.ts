import { ValidatorError } from "./validator-error";

/**
 * Compiles a PCRE-style pattern for a JS engine: Unicode mode first (so "." spans astral
 * characters), then legacy mode for escapes Unicode mode refuses. mongod answers an invalid
 * pattern with code 51091.
 */
export function compileRegex(source: string, flags = ""): RegExp {
  try {
    return new RegExp(source, `${flags}u`);
  } catch {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ValidatorError(51091, "Location51091", `Regular expression is invalid: ${reason}`);
    }
  }
}
