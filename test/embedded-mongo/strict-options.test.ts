import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

// mongod 7.0 parses commands with its IDL: an unknown field is code 40415 "BSON field
// '<command>.<field>' is an unknown field." The dots-and-dollars cases are the driver CRUD
// specification's expectations for a 5.0+ server.

describe("strict command options", () => {
  const engine = useTestEngine("strict");

  async function seeded() {
    const c = engine.db.collection<AnyDoc>("c");
    await c.insertMany([
      { _id: 1, a: 1 },
      { _id: 2, a: 2 },
    ]);
    return c;
  }

  it("sort in an update statement (an 8.0 option) fails as 7.0 fails, and nothing is updated", async () => {
    const c = await seeded();
    const err = await serverFailure(
      engine.db.command({ update: "c", updates: [{ q: {}, u: { $set: { k: 1 } }, sort: { a: -1 } }] }),
    );
    expect(err.code).toBe(40415);
    expect(err.message).toBe("BSON field 'update.updates.sort' is an unknown field.");
    expect(await c.countDocuments({ k: 1 })).toBe(0);
  });

  it("unknown fields of find, delete statements, findAndModify, insert, distinct and aggregate are refused", async () => {
    await seeded();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ find: "c", bogus: 1 }, "find.bogus"],
      [{ delete: "c", deletes: [{ q: {}, limit: 1, sort: { a: 1 } }] }, "delete.deletes.sort"],
      [
        { findAndModify: "c", query: {}, update: { $set: { k: 1 } }, returnDocument: "after" },
        "findAndModify.returnDocument",
      ],
      [{ insert: "c", documents: [{ a: 3 }], upsert: true }, "insert.upsert"],
      [{ distinct: "c", key: "a", filter: {} }, "distinct.filter"],
      [{ aggregate: "c", pipeline: [], cursor: {}, sort: { a: 1 } }, "aggregate.sort"],
    ];
    for (const [command, field] of cases) {
      const err = await serverFailure(engine.db.command(command));
      expect(err.code).toBe(40415);
      expect(err.message).toBe(`BSON field '${field}' is an unknown field.`);
    }
    expect(await engine.db.collection("c").countDocuments()).toBe(2);
  });

  it("findAndModify's own sort (7.0 has it) and the driver's generic arguments are accepted", async () => {
    const c = await seeded();
    const doc = await c.findOneAndUpdate(
      {},
      { $set: { k: 1 } },
      { sort: { a: -1 }, comment: "why", maxTimeMS: 5000, writeConcern: { w: 1 } },
    );
    expect(doc?._id).toBe(2);
  });

  it("a top-level $-prefixed field is stored as 5.0+ servers do; one inside _id is refused with 52", async () => {
    const c = engine.db.collection<AnyDoc>("dollars");
    await c.insertOne({ _id: 1, $a: 1 });
    await c.insertOne({ _id: 2, a: { $b: 1 } });
    expect(await c.find().toArray()).toEqual([
      { _id: 1, $a: 1 },
      { _id: 2, a: { $b: 1 } },
    ]);
    const err = await serverFailure(c.insertOne({ _id: { $a: 1 } }));
    expect(err.code).toBe(52);
    const nested = await serverFailure(c.insertOne({ _id: { a: { $b: 1 } } }));
    expect(nested.code).toBe(52);
    expect(await c.countDocuments()).toBe(2);
  });
});
