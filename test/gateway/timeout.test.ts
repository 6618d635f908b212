import { randomBytes } from "node:crypto";
import { ObjectId } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { useTestGateway } from "../helpers/use-test-gateway";
import { insertCase } from "../writes/support/write-test-kit";

const known = new ObjectId();
/** The gateway's MongoClient introduces itself with this name: the fail point targets only it. */
const APP_NAME = `jupiter-timeout-test-${randomBytes(4).toString("hex")}`;
/** Why the fail point cannot be used here (a mongod without test commands), or undefined once probed. */
let failPointUnavailable: string | undefined = "the set-up did not reach the probe";

const { database, gateway } = useTestGateway("timeout", {
  seed: async (db) => {
    const created = new Date("2025-01-01T00:00:00Z");
    for (let index = 0; index < 5; index++) {
      await insertCase(db, {
        _id: index === 0 ? known : new ObjectId(),
        title: `case ${index}`,
        severity: "low",
        priority: "low",
        created_at: created,
        updated_at: created,
      });
    }
    failPointUnavailable = await probeFailPoint();
  },
  gateway: ({ uri }) => ({
    mongodbUri: `${uri}${uri.includes("?") ? "&" : "?"}appName=${APP_NAME}`,
  }),
});

// Registered after the fixture: runs before the gateway and the database stop.
afterAll(async () => {
  await turnOffFailPoint();
});

/**
 * Whether `failCommand` with `appName` can be configured: mongod needs
 * enableTestCommands for it; the embedded engine always has it.
 */
async function probeFailPoint(): Promise<string | undefined> {
  try {
    await database.client.db("admin").command({
      configureFailPoint: "failCommand",
      mode: { times: 0 },
      data: { failCommands: ["aggregate"], errorCode: 50, appName: APP_NAME },
    });
    return undefined;
  } catch (error) {
    return `the server refuses configureFailPoint (${(error as Error).message}); a mongod needs --setParameter enableTestCommands=1`;
  }
}

async function turnOffFailPoint(): Promise<void> {
  if (failPointUnavailable) return;
  await database.client
    .db("admin")
    .command({ configureFailPoint: "failCommand", mode: "off" })
    .catch(() => undefined);
}

/**
 * Makes the next aggregate of this test's gateway — and of no other client of the
 * server — fail with MaxTimeMSExpired (code 50), as a query past DB_MAX_TIME_MS does.
 */
async function armTimeout(): Promise<void> {
  await database.client.db("admin").command({
    configureFailPoint: "failCommand",
    mode: { times: 1 },
    data: { failCommands: ["aggregate"], errorCode: 50, appName: APP_NAME },
  });
}

describe("DB_MAX_TIME_MS", () => {
  it("a query past the time limit fails with TIMEOUT; other requests are unaffected", async (context) => {
    if (failPointUnavailable) {
      console.warn(`[timeout.test] skipped: ${failPointUnavailable}`);
      context.skip(failPointUnavailable);
    }
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
