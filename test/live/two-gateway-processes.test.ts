import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { signTestJwt, TEST_JWT_SECRET } from "../helpers/test-jwt";

const BIN = path.resolve(__dirname, "../../bin/jupiter.js");

interface ServedGateway {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

/** `npx jupiter serve` in a process of its own, on a free port, against the test database. */
function serve(database: TestDatabase): Promise<ServedGateway> {
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      ...process.env,
      MONGODB_URI: database.uri,
      MONGODB_DB: database.dbName,
      MONGODB_ENGINE: "",
      PORT: "0",
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_DATA: "never",
      LOG_LEVEL: "info",
      LIVE_POLL_SECONDS: "1",
      LIVE_MIN_INTERVAL_MS: "200",
      RATE_LIMIT_PER_MINUTE: "0",
      NO_COLOR: "1",
    },
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`jupiter serve did not start within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Playground: (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`jupiter serve exited with ${code}:\n${output}`)));
  });
}

async function stop(gateway: ServedGateway | undefined): Promise<void> {
  if (!gateway || gateway.child.exitCode !== null) return;
  const exited = new Promise((resolve) => gateway.child.once("exit", resolve));
  gateway.child.kill("SIGTERM");
  await exited;
}

let database: TestDatabase;
let first: ServedGateway | undefined;
let second: ServedGateway | undefined;
let live: LiveClient | undefined;

beforeAll(async () => {
  database = await openTestDatabase("live-two-processes");
  [first, second] = await Promise.all([serve(database), serve(database)]);
});

afterAll(async () => {
  await live?.dispose();
  await Promise.all([stop(first), stop(second)]);
  await database?.close();
});

describe("two gateway processes against one database", () => {
  it("delivers a mutation made through one process to a subscriber of the other", async () => {
    const token = await signTestJwt(UserRole.ADMIN);
    live = openLiveClient(first!.url, { authorization: `Bearer ${token}` });
    const raised = live.subscribe(
      `subscription { alertRaised(filter: { type: ["cross-process"] }) { id type } }`,
    );
    const trends = live.subscribe(
      `subscription { alertTrendsLive(types: ["cross-process"], fillGaps: false) { type count } }`,
    );
    expect((await trends.next()).data).toEqual({ alertTrendsLive: [] });

    const response = await fetch(`${second!.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { createAlert(input: { type: "cross-process", source: "second", severity: HIGH }) { id } }`,
      }),
    });
    const body = (await response.json()) as { data?: { createAlert: { id: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const id = body.data!.createAlert.id;
    const stored = await database.db.collection("alerts").countDocuments({ type: "cross-process" });

    expect((await raised.next()).data).toEqual({ alertRaised: { id, type: "cross-process" } });
    expect((await trends.next()).data).toEqual({
      alertTrendsLive: [{ type: "cross-process", count: stored }],
    });
    // Each process said at start how it learns about changes.
    for (const gateway of [first!, second!])
      expect(gateway.output()).toMatch(/live: .*(poll|change streams)/);
  });
});
