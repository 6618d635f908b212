import * as net from "node:net";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { type EmbeddedMongo, startEmbeddedMongo } from "../../src/embedded-mongo";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import type { TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { signTestJwt } from "../helpers/test-jwt";

const DB_NAME = "live_history_lost";
/** The engine keeps only this many change events: a longer outage loses the gateway's place. */
const HISTORY = 5;

/** A proxy that can go away (cutting its connections, refusing new ones) and come back on the same port. */
class UnplugProxy {
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | undefined;
  port = 0;

  constructor(private readonly target: number) {}

  async plug(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target, "127.0.0.1");
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", () => resolve()));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async unplug(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

let engine: EmbeddedMongo;
let proxy: UnplugProxy;
let direct: MongoClient;
let gateway: TestGateway | undefined;
let live: LiveClient | undefined;

beforeAll(async () => {
  engine = await startEmbeddedMongo({ port: 0, changeHistorySize: HISTORY });
  direct = await MongoClient.connect(engine.uri);
  proxy = new UnplugProxy(Number(new URL(engine.uri).port));
  await proxy.plug();
  const database = { uri: `mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, dbName: DB_NAME };
  gateway = await startTestGateway(database as TestDatabase, {
    live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: 100 },
  });
});

afterAll(async () => {
  await live?.dispose();
  await gateway?.stop();
  await proxy?.unplug();
  await direct?.close();
  await engine?.stop();
});

describe("change stream history lost while the gateway was cut off", () => {
  it("starts the stream afresh and recomputes every live result once", { timeout: 120_000 }, async () => {
    live = openLiveClient(gateway!.url, { authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}` });
    const trend = live.subscribe(
      `subscription { alertTrendsLive(types: ["lost"], fillGaps: false) { count } }`,
    );
    expect((await trend.next()).data).toEqual({ alertTrendsLive: [] });

    await proxy.unplug();
    // More changes than the engine remembers, while the gateway cannot see them.
    const alerts = Array.from({ length: 4 * HISTORY }, (_, index) => ({
      type: "lost",
      source: "test",
      severity: "low",
      message: `while cut off ${index}`,
      timestamp: new Date(),
      case_id: null,
      resolved: false,
      resolution: null,
    }));
    for (const alert of alerts) await direct.db(DB_NAME).collection("alerts").insertOne(alert);
    await proxy.plug();

    const total = (result: { data?: any }) =>
      (result.data.alertTrendsLive as { count: number }[]).reduce((sum, point) => sum + point.count, 0);
    let latest = await trend.next(90_000);
    while (total(latest) < alerts.length) latest = await trend.next(90_000);
    expect(total(latest)).toBe(
      await direct.db(DB_NAME).collection("alerts").countDocuments({ type: "lost" }),
    );
  });
});
