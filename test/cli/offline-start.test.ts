import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, startCommand } from "./support/run-command";

/**
 * Starting without MONGODB_URI never waits on the network: `auto` takes a mongod that
 * is already on the machine, or the embedded engine at once. Checked by counting, not
 * timing: mongodb-memory-server is pointed (MONGOMS_DOWNLOAD_URL) at a local HTTP
 * server that counts every request, so a start that tries a download is seen. Before
 * the fix every start asked it for a mongod archive.
 */
describe("an offline start does not try to download a mongod", () => {
  let downloads: string[];
  let server: Server;
  let env: NodeJS.ProcessEnv;
  let cacheDir: string;

  beforeAll(async () => {
    downloads = [];
    server = createServer((request, response) => {
      downloads.push(request.url ?? "");
      response.statusCode = 404;
      response.end("no mongod here");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cacheDir = await mkdtemp(join(tmpdir(), "jupiter-mongod-cache-"));
    const { port } = server.address() as AddressInfo;
    env = {
      MONGODB_URI: "",
      MONGODB_ENGINE: "",
      MONGOMS_SYSTEM_BINARY: "",
      MONGOMS_DOWNLOAD_URL: `http://127.0.0.1:${port}/mongodb-linux-x86_64-ubuntu2204-7.0.14.tgz`,
      MONGOMS_DOWNLOAD_DIR: cacheDir,
      MONGOMS_USE_HTTP: "true",
      // The variable that used to bound the download: unset, as on a fresh clone.
      MONGOD_DOWNLOAD_TIMEOUT_MS: "",
      HOST: "127.0.0.1",
      PORT: "0",
      DEMO_DATA: "never",
      LOG_LEVEL: "warn",
    };
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  it("`npm start` reaches the Playground line on the embedded engine, and asks the network for nothing", async () => {
    const start = startCommand("npm", ["start"], { env });
    try {
      const [, url] = await start.waitFor(/Playground: (\S+)/);
      expect(start.output()).toMatch(/database: embedded MongoDB-compatible engine .*no local mongod/);
      const health = await fetch(new URL("/healthz", url!));
      expect(health.status).toBe(200);
    } finally {
      await start.stop();
    }
    expect(downloads).toEqual([]);
  });

  it("`npx jupiter db stats` without MONGODB_URI uses the embedded engine and downloads nothing", async () => {
    const run = await runCommand("npx", ["jupiter", "db", "stats"], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("embedded");
    expect(downloads).toEqual([]);
  });

  it("`npx jupiter mongod download` is the explicit step that does use the network", async () => {
    const run = await runCommand("npx", ["jupiter", "mongod", "download"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("could not download a mongod");
    expect(downloads.length).toBeGreaterThan(0);
    // Nothing was left in the cache for provisioning to pick up.
    const where = await runCommand("npx", ["jupiter", "mongod", "where"], { env });
    expect(where.code).toBe(1);
    expect(where.stderr).toContain("no local mongod");
  });

  it("`MONGODB_ENGINE=memory-server` without a local mongod says how to get one, without downloading", async () => {
    const before = downloads.length;
    const run = await runCommand("npx", ["jupiter", "db", "stats"], {
      env: { ...env, MONGODB_ENGINE: "memory-server" },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("jupiter mongod download");
    expect(downloads.length).toBe(before);
  });

  it("`npx jupiter embedded-mongo --port 0` serves the driver until SIGTERM", async () => {
    const engine = startCommand("npx", ["jupiter", "embedded-mongo", "--port", "0"], { env });
    try {
      const [, uri] = await engine.waitFor(/ready (\S+)/);
      const client = new MongoClient(uri!, { serverSelectionTimeoutMS: 10_000 });
      try {
        expect((await client.db("admin").command({ ping: 1 })).ok).toBe(1);
      } finally {
        await client.close();
      }
    } finally {
      await engine.stop();
    }
  });
});
