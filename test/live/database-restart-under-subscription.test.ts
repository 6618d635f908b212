import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type CommandStartedEvent, MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { type EngineProcess, freePort, startEngineProcess } from "../helpers/engine-process";
import {
  type LiveClient,
  type LiveSubscription,
  openLiveClient,
  untilListening,
} from "../helpers/live-client";
import type { TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { bearer, signTestJwt } from "../helpers/test-jwt";

// The database is an engine process of its own (`jupiter embedded-mongo --data-dir`), killed by
// its PID and started again on the same port and data: a database restart as the gateway sees it.
const DB_NAME = "live_restart";
/** Bounds the wait for an event (real time, generous: the verdict must not depend on load). */
const EVENT_WAIT_MS = 60_000;

let dataDir: string;
let port: number;
let engine: EngineProcess;
let gateway: TestGateway;
let live: LiveClient | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-live-restart-"));
  port = await freePort();
  engine = await startEngineProcess(port, dataDir);
  gateway = await startTestGateway({ uri: engine.uri, dbName: DB_NAME } as TestDatabase, {
    live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: 100 },
  });
});

afterAll(async () => {
  await live?.dispose();
  await gateway?.stop();
  await engine?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Inserts one alert of type "restart" through a driver client of its own, as another application would. */
async function insertAlert(uri: string, message: string): Promise<void> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.db(DB_NAME).collection("alerts").insertOne({
      type: "restart",
      source: "test",
      severity: "high",
      message,
      timestamp: new Date(),
      case_id: null,
      resolved: false,
      resolution: null,
    });
  } finally {
    await client.close();
  }
}

/** The next alertRaised message that is not one of untilListening's probes. */
async function nextRaised(raised: LiveSubscription): Promise<string> {
  for (;;) {
    const message = ((await raised.next(EVENT_WAIT_MS)).data as { alertRaised: { message: string } })
      .alertRaised.message;
    if (!message.startsWith("probe")) return message;
  }
}

const total = (result: { data?: any }) =>
  (result.data.alertTrendsLive as { count: number }[]).reduce((sum, point) => sum + point.count, 0);

/** The $changeStream aggregates the gateway sent: how it (re)opened its streams. */
const changeStreamOpens = (): CommandStartedEvent[] =>
  gateway.commands.filter(
    (event) =>
      event.commandName === "aggregate" &&
      Array.isArray(event.command.pipeline) &&
      "$changeStream" in (event.command.pipeline[0] as object),
  );

describe("the database restarted under a live subscription", () => {
  it("resumes from the last token: changes made while the gateway was away, and after, reach the subscriber", async () => {
    live = openLiveClient(gateway.url, { authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}` });
    const raised = live.subscribe(`subscription { alertRaised(filter: { type: ["restart"] }) { message } }`);
    const trend = live.subscribe(
      `subscription { alertTrendsLive(types: ["restart"], fillGaps: false) { count } }`,
    );
    expect((await trend.next(EVENT_WAIT_MS)).data).toEqual({ alertTrendsLive: [] });
    let probes = 0;
    await untilListening(raised, () => insertAlert(engine.uri, `probe ${probes++}`));

    // Killed; started on another port (the gateway cannot see it) where a change is made; killed
    // again; then back on the gateway's port with the same data.
    await engine.kill();
    const elsewhere = await startEngineProcess(await freePort(), dataDir);
    await insertAlert(elsewhere.uri, "while the gateway was away");
    await elsewhere.kill();
    gateway.resetCommands();
    engine = await startEngineProcess(port, dataDir);

    // Only a stream resumed from its last token can report a change it never saw being made.
    expect(await nextRaised(raised)).toBe("while the gateway was away");
    await insertAlert(engine.uri, "after the restart, written around the gateway");
    expect(await nextRaised(raised)).toBe("after the restart, written around the gateway");
    const created = await gateway.graphql(
      `mutation { createAlert(input: { type: "restart", source: "test", severity: LOW, message: "after the restart, through the gateway" }) { id } }`,
      {},
      await bearer(UserRole.RESPONDER),
    );
    expect(created.errors).toBeUndefined();
    expect(await nextRaised(raised)).toBe("after the restart, through the gateway");

    const direct = await MongoClient.connect(engine.uri);
    try {
      const expected = await direct.db(DB_NAME).collection("alerts").countDocuments({ type: "restart" });
      expect(expected).toBe(probes + 3);
      let latest = await trend.next(EVENT_WAIT_MS);
      while (total(latest) < expected) latest = await trend.next(EVENT_WAIT_MS);
      expect(total(latest)).toBe(expected);
    } finally {
      await direct.close();
    }
    // Every stream the gateway opened after the restart resumed from a token.
    const reopened = changeStreamOpens();
    expect(reopened.length).toBeGreaterThan(0);
    for (const event of reopened) {
      const stage = (event.command.pipeline as { $changeStream: Record<string, unknown> }[])[0]!
        .$changeStream;
      expect(stage.resumeAfter ?? stage.startAfter).toBeDefined();
    }
  });
});
