import { spawn } from "node:child_process";
import * as path from "node:path";
import { TEST_JWT_SECRET } from "./test-jwt";
import { readyLine } from "./engine-process";

const ROOT = path.resolve(__dirname, "../..");

/** The gateway as a process of its own (`node bin/jupiter.js serve`, what `npm start` runs). */
export interface GatewayProcess {
  url: string;
  pid: number;
  /** Resolves with the exit code (or the signal) once the process has exited. */
  exit: Promise<number | string>;
  /** Everything the process printed so far. */
  output(): string;
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL if still running, and waits for the exit. */
  kill(): Promise<void>;
}

/**
 * Starts `jupiter serve` on a free port with the test JWT secret and `env` on top; started once
 * it prints its `Playground: …` line and, with `readyAfter`, a line that matches it too.
 */
export async function startGatewayProcess(
  env: Record<string, string>,
  options: { readyAfter?: RegExp } = {},
): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ["bin/jupiter.js", "serve"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_DATA: "never",
      MONGOD_DOWNLOAD_TIMEOUT_MS: "0",
      // As in startTestGateway: alert rollups only where a test asks for them.
      ROLLUPS: "off",
      ...env,
    },
  });
  let printed = "";
  child.stdout.on("data", (data: Buffer) => (printed += data.toString()));
  child.stderr.on("data", (data: Buffer) => (printed += data.toString()));
  const exit = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const [playground] = await Promise.all([
    readyLine(child, /Playground: (\S+)/),
    ...(options.readyAfter ? [readyLine(child, options.readyAfter)] : []),
  ]);
  return {
    url: playground.replace(/\/graphql$/, ""),
    pid: child.pid!,
    exit,
    output: () => printed,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, signal);
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, "SIGKILL");
      await exit;
    },
  };
}

/** One GraphQL answer over HTTP: status, Retry-After, parsed body and how long it took. */
export interface HttpGraphQLAnswer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  elapsedMs: number;
}

/** POSTs one GraphQL request with `headers` (e.g. a Bearer token). */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<HttpGraphQLAnswer> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = answerBody(await response.text());
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body,
    elapsedMs: performance.now() - started,
  };
}

/** The parsed body; one error quoting the text when it is not JSON (a proxy's page, a cut answer). */
function answerBody(text: string): HttpGraphQLAnswer["body"] {
  try {
    return JSON.parse(text) as HttpGraphQLAnswer["body"];
  } catch {
    return { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
}

/** Polls `probe` every 200 ms until it answers true; false if `limitMs` passed first. */
export async function eventually(probe: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
