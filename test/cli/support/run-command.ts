import { type ChildProcess, type ChildProcessByStdio, spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Readable } from "node:stream";

/** The repository's root: where a user types `npm …` and `npx jupiter …`. */
export const REPO_ROOT = resolve(__dirname, "../../..");

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command line as a user types it (`npm`, `npx` …, found on PATH) and collects
 * its exit code and output. Its own process group, so that a stuck run is stopped
 * with everything it started (npm → sh → node) and nothing else.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CommandRun> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolvePromise, reject) => {
    const { child, output } = spawnInGroup(command, args, options);
    const timer = setTimeout(() => {
      stopGroup(child, "SIGKILL");
      reject(
        new Error(
          `${command} ${args.join(" ")} did not finish within ${timeoutMs} ms\n${output.stdout}\n${output.stderr}`,
        ),
      );
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, ...output });
    });
  });
}

/** A long-running command (a server) whose output is watched until a line appears. */
export interface RunningCommand {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in stdout; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM to the command's own process group; resolves with its exit code. */
  stop(): Promise<number | null>;
}

export function startCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): RunningCommand {
  const { child, output } = spawnInGroup(command, args, options);
  const listeners = new Set<() => void>();
  // After spawnInGroup's own listener: output.stdout already holds the chunk.
  child.stdout.on("data", () => {
    for (const listener of listeners) listener();
  });
  const closed = new Promise<number | null>((resolveClosed) =>
    child.on("close", (code) => resolveClosed(code)),
  );
  return {
    child,
    output: () => `${output.stdout}\n${output.stderr}`,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolveMatch, reject) => {
        const check = () => {
          const match = pattern.exec(output.stdout);
          if (match) {
            cleanup();
            resolveMatch(match);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output.stdout}\n${output.stderr}`));
        }, timeoutMs);
        const onExit = (code: number | null) => {
          cleanup();
          reject(
            new Error(
              `${command} ${args.join(" ")} exited (${code}) before ${pattern}:\n${output.stdout}\n${output.stderr}`,
            ),
          );
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", onExit);
        };
        listeners.add(check);
        child.once("exit", onExit);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) stopGroup(child, "SIGTERM");
      return closed;
    },
  };
}

/**
 * Spawns a command line as a user types it, in its own process group (detached), with
 * NO_COLOR, collecting what it writes to stdout and stderr.
 */
function spawnInGroup(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
): { child: ChildProcessByStdio<null, Readable, Readable>; output: { stdout: string; stderr: string } } {
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output };
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
