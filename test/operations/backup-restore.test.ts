import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { Binary, Double, EJSON, Int32, Long, ObjectId, Timestamp } from "bson";
import type { Db, Document } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../src/operations/backup-database";
import { OperationError } from "../../src/operations/operation-error";
import { restoreDatabase } from "../../src/operations/restore-database";
import { setupDatabase } from "../../src/operations/setup-database";
import { openTestDatabase } from "../helpers/test-database";
import { useTestDatabase } from "../helpers/use-test-database";
import { runCli } from "./support/run-cli";

/** Documents whose every value has a type a lax copy would lose. */
function typedDocuments(): Document[] {
  return [
    {
      _id: new ObjectId(),
      title: "typed",
      status: "open",
      severity: "high",
      created_at: new Date("2025-01-02T03:04:05.678Z"),
      int32: new Int32(7),
      integralDouble: new Double(1),
      double: new Double(2.5),
      long: Long.fromString("9007199254740993"),
      smallLong: Long.fromNumber(3),
      nested: { list: [new Int32(1), new Double(2), { deep: Long.fromNumber(4), when: new Date(0) }] },
      binary: new Binary(Buffer.from([0, 1, 2, 255])),
      ts: new Timestamp({ t: 1_700_000_000, i: 3 }),
      flag: false,
      nothing: null,
      assignee: new ObjectId(),
      tags: ["a", "b"],
    },
    { _id: new ObjectId(), title: "plain", status: "closed", severity: "low", created_at: new Date(1) },
  ];
}

const READ_EXACT = { promoteValues: false, promoteLongs: false, promoteBuffers: false } as const;
const canonical = (value: unknown) => EJSON.serialize(value, { relaxed: false });

async function readExact(db: Db, collection: string): Promise<Document[]> {
  return db.collection(collection).find({}, READ_EXACT).sort({ _id: 1 }).toArray();
}

async function shapeOf(
  db: Db,
): Promise<{ options: Record<string, unknown>; indexes: Record<string, unknown[]> }> {
  const collections = await db.listCollections({}, { nameOnly: false, ...READ_EXACT }).toArray();
  const options: Record<string, unknown> = {};
  const indexes: Record<string, unknown[]> = {};
  for (const info of collections) {
    options[info.name] = canonical((info as Document).options);
    indexes[info.name] = (await db.collection(info.name).listIndexes(READ_EXACT).toArray())
      .map(({ ns: _ns, ...index }) => canonical(index))
      .sort((a, b) => String((a as Document).name).localeCompare(String((b as Document).name)));
  }
  return { options, indexes };
}

describe("db backup / restore", () => {
  const source = useTestDatabase("ops_backup");
  let dir: string;
  let inserted: Document[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jupiter-backup-test-"));
    await setupDatabase(source.db);
    inserted = typedDocuments();
    await source.db.collection("cases").insertMany(inserted.map((d) => ({ ...d })));
    await source.db.collection("alerts").insertMany(
      Array.from({ length: 25 }, (_, i) => ({
        type: "cpu",
        source: "prometheus",
        severity: "low",
        timestamp: new Date(1_700_000_000_000 + i),
        case_id: i % 2 ? inserted[0]!._id : null,
        resolved: i % 3 === 0,
        n: new Int32(i),
      })),
    );
    await source.db.createCollection("extras", { validator: { n: { $type: "int" } } });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores into an empty database every document (exact types), index and validator", async () => {
    const file = join(dir, "full.jbak.gz");
    const backup = await backupDatabase(source.db, { out: file, engine: "builtin" });
    expect(backup.engine).toBe("builtin");
    expect(backup.collections.find((c) => c.name === "cases")?.count).toBe(2);
    expect(backup.collections.find((c) => c.name === "alerts")?.count).toBe(25);

    const target = await openTestDatabase("ops_restore");
    try {
      const result = await restoreDatabase(target.db, { file });
      expect(result.sourceDatabase).toBe(source.dbName);

      // Documents: compared field by field with their BSON types, against what was inserted.
      const restored = await readExact(target.db, "cases");
      const expected = [...inserted].sort((a, b) => String(a._id).localeCompare(String(b._id)));
      expect(restored.map((d) => String(d._id))).toEqual(expected.map((d) => String(d._id)));
      restored.forEach((doc, i) => {
        expect(Object.keys(doc)).toEqual(Object.keys(expected[i]!));
        for (const field of Object.keys(expected[i]!)) {
          expect(canonical({ v: doc[field] }), `cases.${field}`).toEqual(
            canonical({ v: expected[i]![field] }),
          );
        }
      });
      expect((await readExact(target.db, "alerts")).map(canonical)).toEqual(
        (await readExact(source.db, "alerts")).map(canonical),
      );

      const before = await shapeOf(source.db);
      const after = await shapeOf(target.db);
      expect(Object.keys(after.options).sort()).toEqual(Object.keys(before.options).sort());
      for (const name of Object.keys(before.options)) {
        expect(after.options[name], `options of ${name}`).toEqual(before.options[name]);
        expect(after.indexes[name], `indexes of ${name}`).toEqual(before.indexes[name]);
      }
      expect((after.options.cases as Document).validator).toBeDefined();
    } finally {
      await target.close();
    }
  });

  it("refuses a non-empty target unless --drop, and a damaged archive before writing anything", async () => {
    const file = join(dir, "refuse.jbak.gz");
    await backupDatabase(source.db, { out: file, engine: "builtin" });
    const target = await openTestDatabase("ops_restore_refuse");
    try {
      await target.db.collection("cases").insertOne({ title: "keep me?" });
      await expect(restoreDatabase(target.db, { file })).rejects.toThrow(/not empty/);
      expect(await target.db.collection("cases").countDocuments()).toBe(1);
      await restoreDatabase(target.db, { file, drop: true });
      expect(await target.db.collection("cases").countDocuments()).toBe(2);
      expect(await target.db.collection("cases").countDocuments({ title: "keep me?" })).toBe(0);

      const text = gunzipSync(readFileSync(file)).toString("utf8");
      const damaged = join(dir, "damaged.jbak.gz");
      writeFileSync(damaged, gzipSync(Buffer.from(text.replace('"typed"', '"tyqed"'), "utf8")));
      const empty = await openTestDatabase("ops_restore_damaged");
      try {
        const attempt = restoreDatabase(empty.db, { file: damaged });
        await expect(attempt).rejects.toBeInstanceOf(OperationError);
        await expect(restoreDatabase(empty.db, { file: damaged })).rejects.toThrow(
          /checksum of cases does not match/,
        );
        expect(await empty.db.listCollections().toArray()).toEqual([]);
      } finally {
        await empty.close();
      }
    } finally {
      await target.close();
    }
  });

  it("works through the CLI: backup --out, restore, refusal, --drop", async () => {
    const file = join(dir, "cli.jbak.gz");
    const backup = await runCli(["db", "backup", "--out", file, "--engine", "builtin"], {
      uri: source.uri,
      dbName: source.dbName,
    });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/cases\s+2\s+\d+\s+[0-9a-f]{16}/);
    expect(backup.stdout).toContain(`written to ${file}`);

    const target = await openTestDatabase("ops_restore_cli");
    try {
      const env = { uri: target.uri, dbName: target.dbName };
      const restore = await runCli(["db", "restore", file], env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain("restored");
      expect(await target.db.collection("alerts").countDocuments()).toBe(25);
      const refused = await runCli(["db", "restore", file], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("--drop");
      const dropped = await runCli(["db", "restore", file, "--drop"], env);
      expect(dropped.code, dropped.stderr).toBe(0);
      expect(await target.db.collection("alerts").countDocuments()).toBe(25);
      const missing = await runCli(["db", "restore", join(dir, "nope.gz")], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("does not exist");
    } finally {
      await target.close();
    }
  });
});
