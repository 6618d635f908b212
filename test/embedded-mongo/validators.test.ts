import { MongoBulkWriteError } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

const schema = {
  $jsonSchema: {
    bsonType: "object",
    required: ["title", "priority"],
    properties: {
      title: { bsonType: "string", minLength: 1 },
      priority: { enum: ["low", "medium", "high"] },
    },
  },
};

describe("collection validators", () => {
  const engine = useTestEngine("val");

  it("refuses invalid inserts with 121 and an errInfo naming the property and rule", async () => {
    await engine.db.createCollection("cases", { validator: schema });
    const cases = engine.db.collection<AnyDoc>("cases");
    await cases.insertOne({ _id: 1, title: "ok", priority: "low" });
    const err = await serverFailure(cases.insertOne({ _id: 2, title: "x", priority: "urgent" }));
    expect(err.code).toBe(121);
    expect(err.errInfo?.failingDocumentId).toBe(2);
    const details = JSON.stringify(err.errInfo?.details);
    expect(details).toContain("priority");
    expect(details).toContain("enum");
    expect(await cases.countDocuments()).toBe(1);
    // insertMany: the error is a writeError (ok: 1), ordered stops at it.
    const bulk = await cases
      .insertMany([
        { _id: 3, title: "a", priority: "high" },
        { _id: 4 },
        { _id: 5, title: "b", priority: "low" },
      ])
      .catch((e: unknown) => e);
    expect(bulk).toBeInstanceOf(MongoBulkWriteError);
    const we = (bulk as MongoBulkWriteError).writeErrors;
    const first = Array.isArray(we) ? we[0] : we;
    expect(first.code).toBe(121);
    expect(JSON.stringify(first.errInfo)).toContain("required");
    expect(await cases.countDocuments()).toBe(2);
    // bypassDocumentValidation skips it.
    await cases.insertOne({ _id: 6 }, { bypassDocumentValidation: true });
    expect(await cases.countDocuments()).toBe(3);
  });

  it("validates updates, replacements, pipeline updates, upserts and findAndModify", async () => {
    await engine.db.createCollection("cases", { validator: schema });
    const cases = engine.db.collection<AnyDoc>("cases");
    await cases.insertOne({ _id: 1, title: "ok", priority: "low" });
    expect((await serverFailure(cases.updateOne({ _id: 1 }, { $set: { priority: "p0" } }))).code).toBe(121);
    expect((await serverFailure(cases.replaceOne({ _id: 1 }, { title: "only" }))).code).toBe(121);
    expect((await serverFailure(cases.updateOne({ _id: 1 }, [{ $set: { title: 5 } }]))).code).toBe(121);
    expect(
      (await serverFailure(cases.updateOne({ _id: 7 }, { $set: { title: "t" } }, { upsert: true }))).code,
    ).toBe(121);
    const fam = await serverFailure(cases.findOneAndUpdate({ _id: 1 }, { $unset: { title: "" } }));
    expect(fam.code).toBe(121);
    expect(JSON.stringify(fam.errInfo?.details)).toContain("title");
    expect(await cases.findOne({ _id: 1 })).toEqual({ _id: 1, title: "ok", priority: "low" });
    await cases.updateOne({ _id: 1 }, { $set: { priority: "high" } });
    await cases.updateOne({ _id: 1 }, { $set: { priority: "p0" } }, { bypassDocumentValidation: true });
    expect((await cases.findOne({ _id: 1 }))?.priority).toBe("p0");
  });

  it("honours query-operator validators, moderate level and warn action via collMod", async () => {
    const cases = engine.db.collection<AnyDoc>("cases");
    await cases.insertMany([
      { _id: 1, n: -1 },
      { _id: 2, n: 5 },
    ]);
    await engine.db.command({ collMod: "cases", validator: { n: { $gte: 0 } }, validationLevel: "moderate" });
    // Already-invalid documents may be updated under "moderate"; valid ones must stay valid.
    await cases.updateOne({ _id: 1 }, { $set: { n: -2 } });
    expect((await serverFailure(cases.updateOne({ _id: 2 }, { $set: { n: -3 } }))).code).toBe(121);
    expect((await serverFailure(cases.insertOne({ _id: 3, n: -1 }))).code).toBe(121);
    await engine.db.command({ collMod: "cases", validationAction: "warn" });
    await cases.insertOne({ _id: 4, n: -1 });
    expect(await cases.countDocuments()).toBe(3);
    await engine.db.command({ collMod: "cases", validationLevel: "off", validationAction: "error" });
    await cases.insertOne({ _id: 5, n: -1 });
    const [info] = await engine.db.listCollections({ name: "cases" }).toArray();
    expect((info as AnyDoc).options).toMatchObject({
      validator: { n: { $gte: 0 } },
      validationLevel: "off",
      validationAction: "error",
    });
  });

  it("rejects bad validators at create and collMod with the module's codes", async () => {
    expect(
      (await serverFailure(engine.db.createCollection("a", { validator: { $where: "true" } }))).code,
    ).toBe(224);
    expect(
      (
        await serverFailure(
          engine.db.createCollection("b", { validator: schema, validationLevel: "sometimes" as never }),
        )
      ).code,
    ).toBe(2);
    await engine.db.createCollection("c");
    expect(
      (
        await serverFailure(
          engine.db.command({ collMod: "c", validator: { $jsonSchema: { bsonType: "nope" } } }),
        )
      ).code,
    ).toBeTypeOf("number");
    expect(await engine.db.listCollections({ name: "a" }).toArray()).toEqual([]);
  });
});
