import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";

const BIN = path.resolve(__dirname, "../../bin/jupiter.js");

/** `jupiter embedded-mongo --port 0` (and `args`) in a child process: its URI once ready, and how to stop it. */
export async function startEngineProcess(
  args: string[] = [],
): Promise<{ uri: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, "embedded-mongo", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const uri = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (data: Buffer) => {
      out += data.toString();
      const match = /ready (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the embedded engine exited with ${code}: ${out}`)));
  });
  return {
    uri,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * `jupiter serve` in a child process with `env` over the current environment; resolves once
 * `ready` finds what it waits for in the output (stdout and stderr), with the child.
 */
export function startServeProcess<T>(
  env: NodeJS.ProcessEnv,
  ready: (output: string) => T | undefined,
): Promise<{ child: ChildProcessWithoutNullStreams; ready: T }> {
  const child = spawn(process.execPath, [BIN, "serve"], { env: { ...process.env, ...env } });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready(output);
      if (found !== undefined) resolve({ child, ready: found });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`jupiter serve exited with ${code}:\n${output}`)));
  });
}

/** The gateway's URL (without /graphql) from `jupiter serve`'s start-up output. */
export function playgroundUrl(output: string): string | undefined {
  return /Playground: (http:\/\/\S+)\/graphql/.exec(output)?.[1];
}
