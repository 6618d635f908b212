import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";

let database: TestDatabase;
let gateway: TestGateway;
const DOCUMENTS = 3000;
const known = new ObjectId();

beforeAll(async () => {
  database = await openTestDatabase("timeout");
  const created = new Date("2025-01-01T00:00:00Z");
  await database.db.collection("cases").insertMany(
    Array.from({ length: DOCUMENTS }, (_, index) => ({
      _id: index === 0 ? known : new ObjectId(),
      title: `case ${index}`,
      description: "",
      severity: "low",
      status: "open",
      priority: "low",
      assignee: null,
      created_at: created,
      updated_at: created,
      resolved_at: null,
      tags: [],
      metadata: {},
    })),
  );
  // DB_MAX_TIME_MS=1: an unindexed count over thousands of documents cannot finish in time.
  gateway = await startTestGateway(database, { dbMaxTimeMs: 1 });
});

afterAll(async () => {
  await gateway?.stop();
  await database?.close();
});

/**
 * Makes the next count fail with MaxTimeMSExpired. A real mongod (test commands on) is
 * told so with a fail point; elsewhere the slow scan itself runs out of time.
 */
async function armTimeout(): Promise<void> {
  await database.client
    .db("admin")
    .command({
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["aggregate"], errorCode: 50 },
    })
    .catch(() => undefined);
}

describe("DB_MAX_TIME_MS", () => {
  it("a query past the time limit fails with TIMEOUT; other requests are unaffected", async () => {
    await armTimeout();
    const byId = `query($id: ID!) { case(id: $id) { title } }`;
    const [slow, alongside] = await Promise.all([
      gateway.graphql(`{ cases(filter: { unassigned: true }) { totalCount } }`),
      gateway.graphql(byId, { id: known.toHexString() }),
    ]);
    expect(slow.status).toBe(200);
    expect(slow.errors).toEqual([
      {
        message: expect.stringMatching(/did not answer in time/),
        locations: expect.any(Array),
        // The page query or the count, whichever ran out of time first.
        path: expect.arrayContaining(["cases"]),
        extensions: { code: "TIMEOUT" },
      },
    ]);
    expect(JSON.stringify(slow.body)).not.toMatch(/exceeded|MaxTimeMS/);
    expect(alongside.errors).toBeUndefined();
    expect(alongside.data).toEqual({ case: { title: "case 0" } });

    const after = await gateway.graphql(byId, { id: known.toHexString() });
    expect(after.data).toEqual({ case: { title: "case 0" } });
  });
});
