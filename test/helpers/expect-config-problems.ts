import { expect } from "vitest";
import type { ConfigError } from "../../src/errors/config-error";
import { configErrorOf } from "./config-error-of";

/**
 * Asserts that loadConfig refuses `env` with one ConfigError in which every name of `variables`
 * (by default every variable of `env`) has a problem of its own that begins with that name, and
 * returns the error for the caller's further checks.
 */
export function expectConfigProblems(
  env: Record<string, string>,
  variables: readonly string[] = Object.keys(env),
): ConfigError {
  const error = configErrorOf(env);
  for (const name of variables) {
    expect(
      error.problems.some((problem) => problem.startsWith(`${name} `)),
      `a problem naming ${name}`,
    ).toBe(true);
  }
  return error;
}
