import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type EngineProcess, freePort, startEngineProcess } from "../helpers/engine-process";
import { type GatewayProcess, startGatewayProcess } from "../helpers/gateway-process";
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
    const refusedWhileDraining: number[] = [];
    const transportErrors: string[] = [];
    let signalled = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !signalled; i++) {
        const title = `drain ${w}-${i}`;
        const body = JSON.stringify({ query: CREATE, variables: { input: { title, severity: "HIGH" } } });
        try {
          const answer = await post(gateway!.url, body, auth);
          if (answer.status === 200 && JSON.parse(answer.body).data?.createCase?.title === title) {
            acknowledged.push(title);
          } else if (
            answer.status === 503 &&
            JSON.parse(answer.body).errors?.[0]?.extensions?.code === "SHUTTING_DOWN"
          ) {
            refusedWhileDraining.push(answer.status);
          } else {
            transportErrors.push(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
          }
        } catch (error) {
          transportErrors.push(String(error));
        }
      }
    });
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    // Every writer has a request in flight now; none is sent after the signal.
    signalled = true;
    gateway.signal("SIGTERM");
    await Promise.all(writers);
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
