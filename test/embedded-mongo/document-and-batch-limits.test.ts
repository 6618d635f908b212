import { MongoBulkWriteError, MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

const MiB = 1024 * 1024;

describe("limits", () => {
  const engine = useTestEngine("lim");

  it("rejects an update whose result exceeds 16 MiB with code 10334", async () => {
    const c = engine.db.collection<AnyDoc>("big");
    await c.insertOne({ _id: 1, a: "x".repeat(9 * MiB) });
    const err = await c.updateOne({ _id: 1 }, { $set: { b: "y".repeat(8 * MiB) } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(10334);
    expect(((await c.findOne({ _id: 1 })) as AnyDoc).b).toBeUndefined();
    // A pipeline update that doubles the string.
    const err2 = await c
      .updateOne({ _id: 1 }, [{ $set: { a: { $concat: ["$a", "$a"] } } }])
      .catch((e: unknown) => e);
    expect((err2 as MongoServerError).code).toBe(10334);
  });

  it("rejects an insert over 16 MiB with code 10334 (raw command, the driver would refuse it itself)", async () => {
    const doc = { _id: 2, a: "x".repeat(16 * MiB) };
    const r = await engine.db.command({ insert: "big", documents: [doc] }).catch((e: unknown) => e);
    // The driver may refuse it client-side; either way nothing over 16 MiB is stored.
    if (r instanceof Error) expect(r.message).toMatch(/too large|16|size/i);
    else expect((r as AnyDoc).writeErrors[0].code).toBe(10334);
    expect(await engine.db.collection("big").countDocuments()).toBe(0);
  });

  it("accepts write batches up to 100,000 and refuses larger ones with code 16", async () => {
    const docs = Array.from({ length: 100_000 }, (_, i) => ({ _id: i }));
    const r = await engine.db.command({ insert: "many", documents: docs });
    expect(r.n).toBe(100_000);
    const err = await engine.db
      .command({ insert: "many2", documents: [...docs, { _id: 100_000 }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(16);
    // The driver splits larger insertMany calls into batches of maxWriteBatchSize.
    const res = await engine.db
      .collection<AnyDoc>("many3")
      .insertMany([...docs, { _id: 100_000 }])
      .catch((e: unknown) => e);
    expect(res).not.toBeInstanceOf(MongoBulkWriteError);
    expect(await engine.db.collection("many3").countDocuments()).toBe(100_001);
  });
});
