import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient, type Document } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { take } from "./support/watch-helpers";

const root = path.resolve(__dirname, "../..");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface Child {
  uri: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `npx jupiter embedded-mongo …` as the docs tell people to type it (bin/jupiter.js is what npx runs). */
function startCli(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ["bin/jupiter.js", "embedded-mongo", "--port", "0", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise<Child>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) {
        resolve({
          uri: m[1],
          stop: (signal = "SIGTERM") => {
            if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, signal);
            return exited;
          },
        });
      }
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    void exited.then((code) => reject(new Error(`engine exited ${code}: ${err}`)));
  });
}

function runCliToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["bin/jupiter.js", "embedded-mongo", "--port", "0", ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

describe("jupiter embedded-mongo --change-history", () => {
  it("bounds the history, and with --data-dir its tokens survive a killed engine", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-cs-cli-"));
    dirs.push(dataDir);
    const size = 3;
    const args = ["--data-dir", dataDir, "--change-history", String(size)];
    const docs = [1, 2, 3, 4, 5].map((_id) => ({ _id }));
    const events: Document[] = [];
    const first = await startCli(args);
    const a = new MongoClient(first.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      await a.connect();
      const coll = a.db("cli").collection<AnyDoc>("c");
      const stream = coll.watch<AnyDoc, Document>([], { maxAwaitTimeMS: 50 });
      expect(await stream.tryNext()).toBeNull();
      for (const d of docs) {
        await coll.insertOne(d);
        events.push(...(await take(stream, 1)));
      }
      await stream.close();
    } finally {
      await a.close(true);
      // Killed, not stopped: what was acknowledged is in the data directory already.
      expect(await first.stop("SIGKILL")).toBeNull();
    }
    const second = await startCli(args);
    const b = new MongoClient(second.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      await b.connect();
      const db = b.db("cli");
      const resumeAfter = (k: number) =>
        db.command({
          aggregate: "c",
          pipeline: [{ $changeStream: { resumeAfter: events[k]._id } }],
          cursor: {},
        });
      // The last `size` events are kept: resuming after event k needs all events after it.
      const oldest = docs.length - size - 1;
      await expect(resumeAfter(oldest - 1)).rejects.toMatchObject({ code: 286 });
      for (let k = oldest; k < docs.length; k++) {
        const reply = await resumeAfter(k);
        expect(reply.cursor.firstBatch).toEqual(events.slice(k + 1));
      }
    } finally {
      await b.close();
      expect(await second.stop()).toBe(0);
    }
  });

  it("refuses a --change-history that is not a whole number of events", async () => {
    for (const bad of ["0", "lots"]) {
      const { code, stderr } = await runCliToExit(["--change-history", bad]);
      expect(code).toBe(2);
      expect(stderr).toContain("--change-history");
    }
  });
});
