/** The connection handshake and liveness commands (drivers send them at any time, in any state). */
export const HANDSHAKE_COMMANDS: readonly string[] = [
  "hello",
  "isMaster",
  "ismaster",
  "ping",
  "buildInfo",
  "buildinfo",
];
