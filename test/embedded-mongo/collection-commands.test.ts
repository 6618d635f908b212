import { MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("collection and database commands", () => {
  const engine = useTestEngine("colls");

  it("renames collections and answers drop of a missing collection with NamespaceNotFound", async () => {
    await engine.db.collection<AnyDoc>("a").insertOne({ x: 1 });
    await engine.db.renameCollection("a", "b");
    expect(await engine.db.collection<AnyDoc>("b").countDocuments()).toBe(1);
    expect((await engine.db.listCollections().toArray()).map((c) => c.name)).toEqual(["b"]);
    const err = await engine.db.command({ drop: "does_not_exist" }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(26);
    expect((err as MongoServerError).codeName).toBe("NamespaceNotFound");
    const dup = await engine.db.createCollection("b").catch((e: unknown) => e);
    expect((dup as MongoServerError).code).toBe(48);
  });

  it("reports listCollections with filter and nameOnly, and listDatabases", async () => {
    await engine.db.collection<AnyDoc>("one").insertOne({});
    await engine.db.createCollection("two");
    const all = await engine.db.listCollections().toArray();
    expect(all.map((c) => c.name).sort()).toEqual(["one", "two"]);
    expect(all[0]).toMatchObject({ type: "collection", options: {}, info: { readOnly: false } });
    const filtered = await engine.db.listCollections({ name: "two" }, { nameOnly: true }).toArray();
    expect(filtered).toEqual([{ name: "two", type: "collection" }]);
    const dbs = await engine.t.client.db("admin").admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(engine.db.databaseName);
    await engine.db.dropDatabase();
    expect(await engine.db.listCollections().toArray()).toEqual([]);
  });
});
