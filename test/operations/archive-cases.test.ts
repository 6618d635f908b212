import { type Document, ObjectId } from "mongodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARCHIVE_JOURNAL, archiveCases } from "../../src/operations/archive-cases";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { runCli } from "./support/run-cli";

const NOW = new Date("2025-06-01T00:00:00Z");
const DAY = 86_400_000;

function makeCase(status: string, updatedDaysAgo: number, n: number): Document {
  const updated = new Date(NOW.getTime() - updatedDaysAgo * DAY);
  return {
    _id: new ObjectId(),
    title: `case ${n}`,
    status,
    severity: "medium",
    priority: "low",
    created_at: new Date(updated.getTime() - DAY),
    updated_at: updated,
    resolved_at: status === "resolved" || status === "closed" ? updated : null,
    tags: ["t"],
    metadata: { n },
  };
}

/** A mix of cases; those resolved/closed and updated more than 30 days ago are archivable. */
function fixture(): Document[] {
  const docs: Document[] = [];
  let n = 0;
  for (const status of ["open", "in_progress", "resolved", "closed"]) {
    for (const days of [5, 29, 31, 45, 200]) docs.push(makeCase(status, days, n++));
  }
  return docs;
}

const archivable = (docs: Document[]) =>
  docs.filter(
    (d) => ["resolved", "closed"].includes(d.status) && d.updated_at.getTime() < NOW.getTime() - 30 * DAY,
  );
const byId = (a: Document, b: Document) => String(a._id).localeCompare(String(b._id));

describe("db archive", () => {
  let t: TestDatabase;
  let docs: Document[];
  beforeEach(async () => {
    t = await openTestDatabase("ops_archive");
    docs = fixture();
    await t.db.collection("cases").insertMany(docs.map((d) => ({ ...d })));
  });
  // Each test has a database of its own: drop and close each one, not only the last.
  afterEach(async () => {
    await t?.close();
  });

  it("moves exactly the archivable cases, in batches, keeping what the archive held", async () => {
    const unrelated = { _id: new ObjectId(), title: "archived last year", status: "closed" };
    await t.db.collection("archived_cases").insertOne(unrelated);
    const expected = archivable(docs).sort(byId);

    const dry = await archiveCases(t.db, { now: NOW, dryRun: true });
    expect(dry.candidates).toBe(expected.length);
    expect(await t.db.collection("cases").countDocuments()).toBe(docs.length);

    const result = await archiveCases(t.db, { now: NOW, batchSize: 2 });
    expect(result.deleted).toBe(expected.length);
    expect(result.batches).toBe(Math.ceil(expected.length / 2));

    const archived = await t.db
      .collection("archived_cases")
      .find({ _id: { $ne: unrelated._id } })
      .toArray();
    expect(archived.sort(byId)).toEqual(expected.map((d) => ({ ...d, archived_at: NOW })));
    expect(await t.db.collection("archived_cases").findOne({ _id: unrelated._id })).toEqual(unrelated);
    const left = await t.db.collection("cases").find().toArray();
    const expectedLeft = docs.filter((d) => !expected.includes(d)).sort(byId);
    expect(left.sort(byId)).toEqual(expectedLeft);

    const again = await archiveCases(t.db, { now: NOW });
    expect(again.deleted).toBe(0);
    expect(await t.db.collection("archived_cases").countDocuments()).toBe(expected.length + 1);
    await t.close();
  });

  it("interrupted after its $merge and run again, keeps each case exactly once", async () => {
    const expected = archivable(docs);
    const interrupted = await archiveCases(t.db, { now: NOW, batchSize: 3, stopAfterMerge: true });
    expect(interrupted.interrupted).toBe(true);
    expect(interrupted.merged).toBe(3);
    // The crash state: the batch is in both collections.
    expect(await t.db.collection("archived_cases").countDocuments()).toBe(3);
    expect(await t.db.collection("cases").countDocuments()).toBe(docs.length);
    expect(await t.db.collection(ARCHIVE_JOURNAL).countDocuments()).toBe(1);

    const rerun = await archiveCases(t.db, { now: NOW, batchSize: 3 });
    expect(rerun.recovered).toBe(1);
    const ids = expected.map((d) => String(d._id)).sort();
    const archivedIds = (await t.db.collection("archived_cases").find().toArray())
      .map((d) => String(d._id))
      .sort();
    expect(archivedIds).toEqual(ids);
    expect(await t.db.collection("cases").countDocuments({ _id: { $in: expected.map((d) => d._id) } })).toBe(
      0,
    );
    expect(await t.db.collection("cases").countDocuments()).toBe(docs.length - expected.length);
    expect(await t.db.collection(ARCHIVE_JOURNAL).countDocuments()).toBe(0);
    await t.close();
  });

  it("a case reopened between the merge and the delete stays live, and its copy is withdrawn", async () => {
    const expected = archivable(docs).sort(byId);
    await archiveCases(t.db, { now: NOW, batchSize: 2, stopAfterMerge: true });
    const merged = (await t.db.collection("archived_cases").find().sort({ _id: 1 }).toArray())[0]!;
    const reopenedAt = new Date(NOW.getTime() - 1000);
    await t.db
      .collection("cases")
      .updateOne(
        { _id: merged._id },
        { $set: { status: "open", updated_at: reopenedAt, resolved_at: null } },
      );

    await archiveCases(t.db, { now: NOW });
    expect(await t.db.collection("archived_cases").findOne({ _id: merged._id })).toBeNull();
    expect((await t.db.collection("cases").findOne({ _id: merged._id }))?.status).toBe("open");
    expect(await t.db.collection("archived_cases").countDocuments()).toBe(expected.length - 1);
    const everywhere = await Promise.all(
      expected.map(async (d) => [
        await t.db.collection("cases").countDocuments({ _id: d._id }),
        await t.db.collection("archived_cases").countDocuments({ _id: d._id }),
      ]),
    );
    expect(everywhere.every(([live, archived]) => live! + archived! === 1)).toBe(true);
    await t.close();
  });

  it("works through the CLI", async () => {
    const env = { uri: t.uri, dbName: t.dbName };
    // Relative to the real clock: updated 400 and 500 days ago.
    await t.db.collection("cases").deleteMany({});
    const real = Date.now();
    await t.db.collection("cases").insertMany([
      {
        title: "a",
        status: "closed",
        severity: "low",
        created_at: new Date(real - 600 * DAY),
        updated_at: new Date(real - 400 * DAY),
      },
      {
        title: "b",
        status: "resolved",
        severity: "low",
        created_at: new Date(real - 600 * DAY),
        updated_at: new Date(real - 500 * DAY),
      },
      {
        title: "c",
        status: "open",
        severity: "low",
        created_at: new Date(real - 600 * DAY),
        updated_at: new Date(real - 500 * DAY),
      },
    ]);
    const dry = await runCli(["db", "archive", "--older-than", "365d", "--dry-run"], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("dry run: 2 cases would be archived");
    const run = await runCli(["db", "archive", "--older-than", "365d"], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("archived 2 cases");
    expect(await t.db.collection("archived_cases").countDocuments()).toBe(2);
    const bad = await runCli(["db", "archive", "--older-than", "soon"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("30d");
    await t.close();
  });
});
