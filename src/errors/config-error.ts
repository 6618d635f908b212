/**
 * The environment does not describe a runnable gateway. It lists every problem at
 * once, each naming its variable, so one restart fixes them all.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n- ${problems.join("\n- ")}`,
    );
  }
}
