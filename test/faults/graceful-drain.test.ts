import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type EngineProcess, freePort, startEngineProcess } from "../helpers/engine-process";
import { eventually, type GatewayProcess, startGatewayProcess } from "../helpers/gateway-process";
import { bearer } from "../helpers/test-jwt";

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id title } }`;

/** One POST on a connection of its own (no keep-alive), so each request's fate is its own. */
function post(url: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      `${url}/graphql`,
      { method: "POST", agent: false, headers: { "content-type": "application/json", ...headers } },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** GET /healthz on a connection of its own. */
function probe(url: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const request = http.get(`${url}/healthz`, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    request.on("error", reject);
  });
}

let dataDir: string;
let engine: EngineProcess | undefined;
let gateway: GatewayProcess | undefined;

afterAll(async () => {
  await gateway?.kill();
  await engine?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("SIGTERM under write load", () => {
  it("finishes in-flight requests, exits 0, and no acknowledged write is lost after the database is killed", async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-drain-"));
    const port = await freePort();
    engine = await startEngineProcess(port, dataDir);
    gateway = await startGatewayProcess({ MONGODB_URI: engine.uri, MONGODB_DB: "drain" });
    const auth = await bearer(UserRole.RESPONDER);

    const acknowledged: string[] = [];
    const transportErrors: string[] = [];
    /** Requests sent and not yet answered. */
    let outstanding = 0;
    let signalled = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !signalled; i++) {
        const title = `drain ${w}-${i}`;
        const body = JSON.stringify({ query: CREATE, variables: { input: { title, severity: "HIGH" } } });
        outstanding++;
        try {
          const answer = await post(gateway!.url, body, auth);
          if (answer.status === 200 && JSON.parse(answer.body).data?.createCase?.title === title) {
            acknowledged.push(title);
          } else {
            transportErrors.push(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
          }
        } catch (error) {
          transportErrors.push(String(error));
        } finally {
          outstanding--;
        }
      }
    });
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    // Freeze the database: the requests now outstanding stay in flight inside the gateway, and
    // no writer sends another. Once the gateway counts all of them in flight, SIGTERM it.
    engine.signal("SIGSTOP");
    signalled = true;
    let inFlightAtSignal = 0;
    try {
      expect(
        await eventually(async () => {
          inFlightAtSignal = Number((await probe(gateway!.url)).headers["x-requests-in-flight"]);
          return inFlightAtSignal > 0 && inFlightAtSignal === outstanding;
        }, 30_000),
      ).toBe(true);
      gateway.signal("SIGTERM");
      // The drain has begun once the gateway stops accepting connections.
      const refused = () =>
        probe(gateway!.url).then(
          () => false,
          (error: NodeJS.ErrnoException) => error.code === "ECONNREFUSED",
        );
      expect(await eventually(refused, 30_000)).toBe(true);
    } finally {
      engine.signal("SIGCONT");
    }
    await Promise.all(writers);
    expect(inFlightAtSignal).toBeGreaterThan(0);
    expect(await gateway.exit).toBe(0);
    expect(transportErrors).toEqual([]);
    expect(gateway.output()).toMatch(/SIGTERM: finishing in-flight requests/);

    // Right after the drain: the database dies too, then comes back on its data directory.
    await engine.kill();
    engine = await startEngineProcess(port, dataDir);
    const client = new MongoClient(engine.uri, { serverSelectionTimeoutMS: 10_000 });
    try {
      const stored = new Set(
        (await client.db("drain").collection<{ title: string }>("cases").find({}).toArray()).map(
          (c) => c.title,
        ),
      );
      expect(acknowledged.filter((title) => !stored.has(title))).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
