import { MongoServerError, type Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

describe("configureFailPoint failCommand", () => {
  let t: TestEngine;
  let db: Db;
  beforeAll(async () => {
    t = await startTestEngine({}, { retryReads: false, retryWrites: false });
    db = t.client.db("failpoints");
    await db.collection("c").insertMany([{ n: 1 }, { n: 2 }]);
  });
  afterAll(async () => {
    await t.stop();
  });

  const admin = () => t.client.db("admin");

  it("fails the named command the given number of times with the given code, then lets it run", async () => {
    await admin().command({
      configureFailPoint: "failCommand",
      mode: { times: 2 },
      data: { failCommands: ["aggregate"], errorCode: 50 },
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await db
        .collection("c")
        .countDocuments({})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MongoServerError);
      expect((error as MongoServerError).code).toBe(50);
      expect((error as MongoServerError).codeName).toBe("MaxTimeMSExpired");
    }
    // Other commands were never affected, and the third count runs.
    expect(await db.collection("c").find({}).toArray()).toHaveLength(2);
    expect(await db.collection("c").countDocuments({})).toBe(2);
  });

  it("alwaysOn fails until turned off, and carries the error labels asked for", async () => {
    await admin().command({
      configureFailPoint: "failCommand",
      mode: "alwaysOn",
      data: { failCommands: ["find"], errorCode: 91, errorLabels: ["RetryableWriteError"] },
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      const error = (await db
        .collection("c")
        .findOne({})
        .catch((e: unknown) => e)) as MongoServerError;
      expect(error.code).toBe(91);
      expect(error.hasErrorLabel("RetryableWriteError")).toBe(true);
    }
    await admin().command({ configureFailPoint: "failCommand", mode: "off" });
    expect(await db.collection("c").findOne({ n: 1 })).toMatchObject({ n: 1 });
  });

  it("refuses unknown fail points, bad modes, and any database but admin", async () => {
    await expect(admin().command({ configureFailPoint: "nope", mode: "alwaysOn" })).rejects.toMatchObject({
      code: 2,
    });
    await expect(
      admin().command({ configureFailPoint: "failCommand", mode: { sometimes: 1 }, data: {} }),
    ).rejects.toMatchObject({ code: 2 });
    await expect(
      db.command({ configureFailPoint: "failCommand", mode: "off", data: {} }),
    ).rejects.toMatchObject({ code: 13 });
  });
});
