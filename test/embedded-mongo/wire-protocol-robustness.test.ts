import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../src/embedded-mongo";
import { opMsg, RawConnection } from "./support/raw-wire";

describe("wire protocol robustness", () => {
  let engine: EmbeddedMongo;
  let client: MongoClient;
  beforeAll(async () => {
    engine = await startEmbeddedMongo({ port: 0 });
    client = new MongoClient(engine.uri);
    await client.connect();
  });
  afterAll(async () => {
    await client.close();
    await engine.stop();
  });

  it("accepts kind-1 document sequences, checksums and moreToCome", async () => {
    const raw = await RawConnection.open(engine.port);
    raw.send(
      opMsg(
        { insert: "seq", $db: "wire" },
        { sequences: [{ id: "documents", docs: [{ _id: 1 }, { _id: 2 }, { _id: 3 }] }], checksum: true },
      ),
    );
    expect(await raw.reply()).toMatchObject({ n: 3, ok: 1 });
    // moreToCome: no reply for this one; the next request is answered normally.
    raw.send(
      opMsg({ insert: "seq", documents: [{ _id: 4 }], $db: "wire" }, { moreToCome: true, requestId: 2 }),
    );
    raw.send(opMsg({ count: "seq", $db: "wire" }, { requestId: 3 }));
    expect(await raw.reply()).toMatchObject({ n: 4, ok: 1 });
    // Byte-by-byte delivery is reassembled.
    const bytes = opMsg({ ping: 1, $db: "admin" }, { requestId: 4 });
    for (const b of bytes) raw.send(Buffer.from([b]));
    expect(await raw.reply()).toMatchObject({ ok: 1 });
    raw.close();
  });

  it("closes only the connection that sent garbage, a bad checksum or an oversize header", async () => {
    const garbage = await RawConnection.open(engine.port);
    garbage.send(Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    expect(await garbage.waitClosed()).toBe(true);

    const badSum = await RawConnection.open(engine.port);
    const msg = opMsg({ ping: 1, $db: "admin" }, { checksum: true });
    msg.writeUInt32LE((msg.readUInt32LE(msg.length - 4) + 1) >>> 0, msg.length - 4);
    badSum.send(msg);
    expect(await badSum.waitClosed()).toBe(true);

    const oversize = await RawConnection.open(engine.port);
    const header = Buffer.alloc(16);
    header.writeInt32LE(60_000_000, 0);
    header.writeInt32LE(2013, 12);
    oversize.send(header);
    expect(await oversize.waitClosed()).toBe(true);

    const badBson = await RawConnection.open(engine.port);
    const broken = opMsg({ ping: 1, $db: "admin" });
    broken.writeInt32LE(9999, 21); // body document claims more bytes than the message has
    badBson.send(broken);
    expect(await badBson.waitClosed()).toBe(true);

    const healthy = await RawConnection.open(engine.port);
    healthy.send(opMsg({ ping: 1, $db: "admin" }));
    expect(await healthy.reply()).toMatchObject({ ok: 1 });
    healthy.close();
    expect(await client.db("admin").command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it("keeps serving other clients while one socket sends garbage", async () => {
    const noisy = await RawConnection.open(engine.port);
    const coll = client.db("wire").collection("busy");
    const work = (async () => {
      for (let i = 0; i < 200; i++) await coll.insertOne({ i });
    })();
    noisy.send(Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    await work;
    expect(await noisy.waitClosed()).toBe(true);
    expect(await coll.countDocuments()).toBe(200);
  });

  it("loses nothing with 20 concurrent clients doing mixed writes", async () => {
    const clients = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const c = new MongoClient(engine.uri, { maxPoolSize: 3 });
        await c.connect();
        return c;
      }),
    );
    try {
      const coll = client.db("wire").collection("concurrent");
      await coll.createIndex({ owner: 1, seq: 1 }, { unique: true });
      const perClient = 60;
      await Promise.all(
        clients.map(async (c, owner) => {
          const mine = c.db("wire").collection("concurrent");
          for (let seq = 0; seq < perClient; seq++) {
            await mine.insertOne({ owner, seq, hits: 0 });
            if (seq % 3 === 0) await mine.updateOne({ owner, seq }, { $inc: { hits: 1 } });
            if (seq % 10 === 9) await mine.deleteOne({ owner, seq: seq - 1 });
            if (seq % 15 === 0)
              await mine.insertMany([
                { owner, seq: 1000 + seq },
                { owner, seq: 2000 + seq },
              ]);
          }
          await mine.updateMany({ owner }, { $inc: { hits: 10 } });
        }),
      );
      const deletedPerClient = Math.floor(perClient / 10);
      const extraPerClient = 2 * Math.ceil(perClient / 15);
      const expectedPerClient = perClient - deletedPerClient + extraPerClient;
      expect(await coll.countDocuments()).toBe(20 * expectedPerClient);
      const stats = await coll
        .aggregate([
          { $group: { _id: "$owner", n: { $sum: 1 }, hits: { $sum: "$hits" } } },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      // Per owner: the +1 updates of sequences not deleted, plus +10 for every remaining document.
      const expectedHits = (() => {
        let h = 0;
        for (let seq = 0; seq < perClient; seq++) {
          const deleted = seq % 10 === 8;
          if (!deleted && seq % 3 === 0) h += 1;
        }
        return h + 10 * expectedPerClient;
      })();
      expect(stats).toEqual(
        Array.from({ length: 20 }, (_, owner) => ({ _id: owner, n: expectedPerClient, hits: expectedHits })),
      );
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
