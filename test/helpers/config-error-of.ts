import { expect } from "vitest";
import { loadConfig } from "../../src/config";
import { ConfigError } from "../../src/errors/config-error";

/**
 * The error loadConfig throws for `env`; fails the test unless it is a ConfigError (the one
 * error that lists every bad variable together).
 */
export function configErrorOf(env: Record<string, string>): ConfigError {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return caught as ConfigError;
}
