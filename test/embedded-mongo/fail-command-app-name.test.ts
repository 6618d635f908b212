import { MongoClient, MongoServerError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

/**
 * failCommand's `data.appName`, as on mongod: only the commands of clients whose
 * handshake named that application fail, so a test's fail point cannot be consumed by
 * another client of the same server (another test file running in parallel).
 */
describe("configureFailPoint failCommand with appName", () => {
  let t: TestEngine;
  let target: MongoClient;

  beforeAll(async () => {
    t = await startTestEngine({}, { retryReads: false, retryWrites: false });
    target = new MongoClient(t.engine.uri, { appName: "the-target-app", retryReads: false });
    await target.connect();
    await t.client
      .db("fp_app")
      .collection("c")
      .insertMany([{ n: 1 }, { n: 2 }]);
  });

  afterAll(async () => {
    await target?.close();
    await t?.stop();
  });

  it("fails only the named application's commands; others pass through and do not consume it", async () => {
    await t.client.db("admin").command({
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["aggregate"], errorCode: 50, appName: "the-target-app" },
    });
    // Another client (no appName) runs the same command twice: unaffected.
    for (let i = 0; i < 2; i++) expect(await t.client.db("fp_app").collection("c").countDocuments()).toBe(2);
    const error = await target
      .db("fp_app")
      .collection("c")
      .countDocuments()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(50);
    // Single use: the next one runs.
    expect(await target.db("fp_app").collection("c").countDocuments()).toBe(2);
  });

  it("a non-string appName is refused", async () => {
    const error = await t.client
      .db("admin")
      .command({
        configureFailPoint: "failCommand",
        mode: { times: 1 },
        data: { failCommands: ["find"], errorCode: 50, appName: 7 },
      })
      .catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(2);
  });
});
