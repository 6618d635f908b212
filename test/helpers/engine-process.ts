import { type ChildProcess, spawn } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** A free TCP port of 127.0.0.1 (the engine restarts on the same one, so URIs stay valid). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

/** The embedded engine as a process of its own, killed by its PID. */
export interface EngineProcess {
  uri: string;
  pid: number;
  /** Sends a signal (SIGKILL, SIGSTOP, SIGCONT …). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
}

/**
 * `node bin/jupiter.js embedded-mongo --port PORT --data-dir DIR`, as the README shows it;
 * `extraArgs` after them (e.g. `--change-history 5`).
 */
export async function startEngineProcess(
  port: number,
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<EngineProcess> {
  const child = spawn(
    process.execPath,
    ["bin/jupiter.js", "embedded-mongo", "--port", String(port), "--data-dir", dataDir, ...extraArgs],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const uri = await readyLine(child, /ready (\S+)/);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    uri,
    pid: child.pid!,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, signal);
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, "SIGKILL");
      await exited;
    },
  };
}

/** Resolves with the first capture of `pattern` in the child's stdout; rejects if it exits first. */
export function readyLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (data: Buffer) => {
      out += data.toString();
      const match = pattern.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on("data", (data: Buffer) => (err += data.toString()));
    child.once("exit", (code, signal) =>
      reject(new Error(`process exited (${code ?? signal}) before it was ready: ${out}\n${err}`)),
    );
  });
}
