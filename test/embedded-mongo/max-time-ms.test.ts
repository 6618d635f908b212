import { MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("maxTimeMS", () => {
  const engine = useTestEngine("maxtime");

  it("honours maxTimeMS", async () => {
    const coll = engine.db.collection<AnyDoc>("slow");
    await coll.insertMany(Array.from({ length: 20000 }, (_, i) => ({ i, s: `value ${i}` })));
    const filter = { $expr: { $gt: [{ $strLenCP: { $concat: ["$s", "$s", "$s"] } }, 0] } };
    const err = await coll
      .find(filter)
      .maxTimeMS(1)
      .toArray()
      .catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(50);
    expect((err as MongoServerError).codeName).toBe("MaxTimeMSExpired");
    const agg = await coll
      .aggregate([{ $match: filter }, { $group: { _id: null, n: { $sum: 1 } } }], { maxTimeMS: 1 })
      .toArray()
      .catch((e: unknown) => e);
    expect((agg as MongoServerError).code).toBe(50);
  });
});
