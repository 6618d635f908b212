import { CommandError } from "../errors/command-error";

/**
 * mongod's `failCommand` fail point: the next matching commands fail with a chosen error.
 * Tests use it to provoke errors that timing cannot provoke reliably (a MaxTimeMSExpired
 * on a fast machine, say), the same way on the engine as on a mongod with test commands.
 */
export class FailCommandPoint {
  private remaining = 0;
  private commands = new Set<string>();
  private errorCode = 0;
  private errorLabels: string[] = [];
  /** data.appName: only commands of connections whose handshake named this app fail. */
  private appName: string | undefined;

  /** Applies `{configureFailPoint: "failCommand", mode, data}`; returns the previous count. */
  configure(mode: unknown, data: Record<string, unknown>): number {
    const previous = this.remaining;
    if (mode === "off") {
      this.remaining = 0;
      return previous;
    }
    const times =
      mode === "alwaysOn"
        ? Number.POSITIVE_INFINITY
        : typeof mode === "object" && mode !== null && typeof (mode as { times?: unknown }).times === "number"
          ? (mode as { times: number }).times
          : undefined;
    if (times === undefined || times < 0) {
      throw new CommandError(2, `mode must be "off", "alwaysOn" or {times: N}; got ${JSON.stringify(mode)}`);
    }
    const commands = data.failCommands;
    if (!Array.isArray(commands) || !commands.every((name) => typeof name === "string")) {
      throw new CommandError(2, "data.failCommands must be an array of command names");
    }
    if (typeof data.errorCode !== "number") {
      throw new CommandError(2, "data.errorCode must be a number (closeConnection is not supported)");
    }
    this.commands = new Set(commands as string[]);
    this.errorCode = data.errorCode;
    if (data.appName !== undefined && typeof data.appName !== "string") {
      throw new CommandError(2, "data.appName must be a string");
    }
    this.errorLabels = Array.isArray(data.errorLabels) ? (data.errorLabels as string[]) : [];
    this.appName = data.appName as string | undefined;
    this.remaining = times;
    return previous;
  }

  /** The error the command `name` (of a client called `appName`) must fail with now, or undefined to run it. */
  consume(name: string, appName?: string): CommandError | undefined {
    if (this.remaining <= 0 || !this.commands.has(name)) return undefined;
    if (this.appName !== undefined && appName !== this.appName) return undefined;
    this.remaining--;
    const extra = this.errorLabels.length > 0 ? { errorLabels: this.errorLabels } : {};
    return new CommandError(this.errorCode, "Failing command via 'failCommand' failpoint", extra);
  }
}

const failPoints = new WeakMap<object, FailCommandPoint>();

/** The `failCommand` fail point of one engine. */
export function failCommandPointOf(engine: object): FailCommandPoint {
  let point = failPoints.get(engine);
  if (!point) {
    point = new FailCommandPoint();
    failPoints.set(engine, point);
  }
  return point;
}
