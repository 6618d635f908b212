import type { CommandContext } from "./command-context";

export const SERVER_VERSION = "7.0.14";

/** buildInfo: reports MongoDB 7.0 so drivers and tools pick matching features. */
export function buildInfoCommand(_ctx: CommandContext): Record<string, unknown> {
  return {
    version: SERVER_VERSION,
    gitVersion: "embedded",
    versionArray: SERVER_VERSION.split(".").map(Number).concat(0),
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ["embedded"],
    javascriptEngine: "none",
    modules: [],
    openssl: { running: "disabled" },
    ok: 1,
  };
}
