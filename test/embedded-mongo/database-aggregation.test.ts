import type { Binary } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

// The reference manual's $documents and $listLocalSessions examples, and mongod's namespace
// checks on a pipeline's first stage (pipeline.cpp: code 73 InvalidNamespace both ways).

describe("database-level aggregation", () => {
  const engine = useTestEngine("dbagg");

  it("$documents feeds literal documents into the pipeline ($bucketAuto example)", async () => {
    const out = await engine.db
      .aggregate([
        { $documents: [{ x: 10 }, { x: 2 }, { x: 5 }] },
        { $bucketAuto: { groupBy: "$x", buckets: 4 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: { min: 2, max: 5 }, count: 1 },
      { _id: { min: 5, max: 10 }, count: 1 },
      { _id: { min: 10, max: 10 }, count: 1 },
    ]);
  });

  it("$documents joined to a collection with $lookup (manual example)", async () => {
    const locations = engine.db.collection<AnyDoc>("locations");
    await locations.insertMany([
      { _id: 1, zip: 94301, name: "Palo Alto" },
      { _id: 2, zip: 10019, name: "New York" },
    ]);
    const out = await engine.db
      .aggregate([
        { $documents: [{ zip: 94301 }, { zip: 10019 }] },
        { $lookup: { from: "locations", localField: "zip", foreignField: "zip", as: "city_state" } },
      ])
      .toArray();
    expect(out).toEqual([
      { zip: 94301, city_state: [{ _id: 1, zip: 94301, name: "Palo Alto" }] },
      { zip: 10019, city_state: [{ _id: 2, zip: 10019, name: "New York" }] },
    ]);
  });

  it("$listLocalSessions at the admin database lists the sessions in use, with lastUse", async () => {
    const session = engine.t.client.startSession();
    try {
      await engine.db.collection("c").insertOne({ a: 1 }, { session });
      const sessions = await engine.t.client
        .db("admin")
        .aggregate([{ $listLocalSessions: { allUsers: true } }])
        .toArray();
      const hex = (id: unknown) => (id as Binary).toString("hex");
      const ids = sessions.map((s) => hex((s._id as { id: Binary }).id));
      const mine = hex(session.id?.id);
      expect(ids).toContain(mine);
      for (const s of sessions) expect(s.lastUse).toBeInstanceOf(Date);
    } finally {
      await session.endSession();
    }
  });

  it("$currentOp at the admin database shows the aggregate itself", async () => {
    const ops = await engine.t.client
      .db("admin")
      .aggregate([{ $currentOp: {} }, { $match: { "command.aggregate": 1 } }])
      .toArray();
    expect(ops.length).toBeGreaterThanOrEqual(1);
    expect(ops[0].command.pipeline[0]).toEqual({ $currentOp: {} });
  });

  it("a collection-level pipeline starting with a database-level stage is refused with 73", async () => {
    const c = engine.db.collection<AnyDoc>("c");
    for (const stage of [{ $documents: [{ x: 1 }] }, { $listLocalSessions: {} }, { $currentOp: {} }]) {
      const err = await serverFailure(c.aggregate([stage]).toArray());
      expect(err.code).toBe(73);
    }
    const documents = await serverFailure(c.aggregate([{ $documents: [] }]).toArray());
    expect(documents.message).toBe("'$documents' can only be run with {aggregate: 1}");
  });

  it("{aggregate: 1} starting with a collection stage is refused with 73; $documents only first (40602)", async () => {
    const err = await serverFailure(engine.db.aggregate([{ $match: {} }]).toArray());
    expect(err.code).toBe(73);
    expect(err.message).toContain("a collection is required");
    const second = await serverFailure(
      engine.db.aggregate([{ $documents: [{ x: 1 }] }, { $documents: [{ x: 2 }] }]).toArray(),
    );
    expect(second.code).toBe(40602);
  });
});
