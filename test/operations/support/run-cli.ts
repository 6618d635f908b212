import { spawn } from "node:child_process";
import { resolve } from "node:path";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = resolve(__dirname, "../../../bin/jupiter.js");

/**
 * Runs the real `jupiter` program (node bin/jupiter.js …) against the test server and
 * database, as an operator would, and collects its exit code and output.
 */
export function runCli(
  args: string[],
  env: { uri: string; dbName: string; nodeArgs?: string[]; extraEnv?: Record<string, string> },
  timeoutMs = 60_000,
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(env.nodeArgs ?? []), BIN, ...args], {
      env: {
        ...process.env,
        MONGODB_URI: env.uri,
        MONGODB_DB: env.dbName,
        MONGODB_ENGINE: "",
        NO_COLOR: "1",
        ...env.extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(
        new Error(`jupiter ${args.join(" ")} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`),
      );
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}
