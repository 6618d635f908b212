import type { CommandStartedEvent } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

// The driver CRUD specification's bypassDocumentValidation cases: the option reaches the server
// as the application gave it (true or false) on insert, update, findAndModify and aggregate with
// $out, and the server accepts it on each (7.0 knows the field) and honours it.

describe("bypassDocumentValidation through the driver", () => {
  let t: TestEngine;
  const started: CommandStartedEvent[] = [];
  beforeAll(async () => {
    t = await startTestEngine({}, { monitorCommands: true });
    t.client.on("commandStarted", (e) => started.push(e));
  });
  afterAll(async () => {
    await t.stop();
  });

  it("is sent as given, accepted by every write command, and skips the validator only when true", async () => {
    const db = t.client.db("bypass");
    await db.createCollection("c", { validator: { n: { $type: "int" } } });
    const c = db.collection<AnyDoc>("c");
    await db.collection<AnyDoc>("src").insertOne({ _id: 9, n: "nine" });
    const sentWith = (name: string, coll = "c") =>
      started
        .filter((e) => e.commandName === name && e.command[name] === coll)
        .map((e) => e.command.bypassDocumentValidation);

    expect(
      (await serverFailure(c.insertOne({ _id: 1, n: "x" }, { bypassDocumentValidation: false }))).code,
    ).toBe(121);
    await c.insertOne({ _id: 1, n: "x" }, { bypassDocumentValidation: true });
    await c.updateOne({ _id: 1 }, { $set: { n: "y" } }, { bypassDocumentValidation: true });
    await c.findOneAndUpdate({ _id: 1 }, { $set: { n: "z" } }, { bypassDocumentValidation: true });
    await db
      .collection("src")
      .aggregate([{ $out: "c" }], { bypassDocumentValidation: true })
      .toArray();

    expect(sentWith("insert")).toEqual([false, true]);
    expect(sentWith("update")).toEqual([true]);
    expect(sentWith("findAndModify")).toEqual([true]);
    expect(sentWith("aggregate", "src")).toEqual([true]);
    expect(await c.find().toArray()).toEqual([{ _id: 9, n: "nine" }]);
  });
});
