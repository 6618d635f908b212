import { type Document, MongoServerError, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { setupDatabase } from "../../src/operations/setup-database";
import { CASE_INDEX_KEYS, CASE_TEXT_FIELDS } from "../helpers/case-indexes";
import { openTestDatabase } from "../helpers/test-database";
import { useTestDatabase } from "../helpers/use-test-database";
import { engineGap, probeCollMod, probeValidators } from "./support/engine-gaps";
import { runCli } from "./support/run-cli";

/** The data model's indexes as the issue lists them, written out here rather than imported. */
const REQUIRED_INDEXES: Record<string, { key: Document; options?: Document; text?: string[] }[]> = {
  cases: [
    ...CASE_INDEX_KEYS.map((key) => ({ key })),
    { key: { _fts: "text", _ftsx: 1 }, text: [...CASE_TEXT_FIELDS] },
  ],
  alerts: [
    { key: { timestamp: 1 } },
    { key: { case_id: 1 } },
    { key: { severity: 1, resolved: 1 } },
    { key: { resolved: 1, severity: 1 } },
    { key: { case_id: 1 }, options: { partialFilterExpression: { resolved: false } } },
  ],
  users: [{ key: { email: 1 }, options: { unique: true } }, { key: { role: 1 } }],
  audit_logs: [
    { key: { created_at: 1 }, options: { expireAfterSeconds: 7776000 } },
    { key: { "details.$**": 1 } },
  ],
};

function findIndex(indexes: Document[], wanted: { key: Document; options?: Document }): Document | undefined {
  return indexes.find(
    (index) =>
      JSON.stringify(index.key) === JSON.stringify(wanted.key) &&
      Object.entries(wanted.options ?? {}).every(
        ([name, value]) => JSON.stringify(index[name]) === JSON.stringify(value),
      ),
  );
}

describe("db setup", () => {
  const t = useTestDatabase("ops_setup");

  it("creates the collections with validators and every index, and is a no-op the second time", async () => {
    const first = await setupDatabase(t.db);
    expect(first.drift).toBe(0);
    expect(first.collections.filter((c) => c.action === "created").map((c) => c.name)).toEqual(
      expect.arrayContaining(["cases", "alerts", "users", "audit_logs"]),
    );

    for (const [collection, wanted] of Object.entries(REQUIRED_INDEXES)) {
      const indexes = await t.db.collection(collection).listIndexes().toArray();
      for (const index of wanted) {
        const found = findIndex(indexes, index);
        expect(found, `${collection} ${JSON.stringify(index)}`).toBeDefined();
        if (index.text) expect(Object.keys(found!.weights).sort()).toEqual([...index.text].sort());
      }
      // Only the partial case_id index carries a partial filter; the plain one must not.
      if (collection === "alerts") {
        const plain = indexes.filter((i) => JSON.stringify(i.key) === '{"case_id":1}');
        expect(plain.map((i) => i.partialFilterExpression ?? null)).toContainEqual(null);
      }
    }
    const collections = await t.db.listCollections({}, { nameOnly: false }).toArray();
    const options = Object.fromEntries(collections.map((c) => [c.name, (c as Document).options]));
    expect({
      caseRequired: options.cases.validator.$jsonSchema.required,
      caseStatuses: options.cases.validator.$jsonSchema.properties.status.enum,
      alertRequired: options.alerts.validator.$jsonSchema.required,
      userRoles: options.users.validator.$jsonSchema.properties.role.enum,
    }).toEqual({
      caseRequired: ["title", "status", "severity", "created_at"],
      caseStatuses: ["open", "in_progress", "resolved", "closed"],
      alertRequired: ["type", "source", "severity", "timestamp"],
      userRoles: ["admin", "analyst", "responder", "viewer"],
    });
    expect(options.audit_logs.validator.$jsonSchema).toBeDefined();

    const countIndexes = () =>
      Promise.all(
        Object.keys(REQUIRED_INDEXES).map(
          async (c) => (await t.db.collection(c).listIndexes().toArray()).length,
        ),
      );
    const indexCounts = await countIndexes();
    const second = await setupDatabase(t.db);
    expect(second.created).toBe(0);
    expect(second.drift).toBe(0);
    expect(second.collections.every((c) => c.action === "validator-unchanged" || c.action === "exists")).toBe(
      true,
    );
    expect(second.indexes.every((i) => i.action === "exists")).toBe(true);
    const indexCountsAfter = await countIndexes();
    expect(indexCountsAfter).toEqual(indexCounts);
  });

  it("refuses a document that breaks the cases validator (code 121)", async () => {
    const gap = await probeValidators(t.db);
    if (gap) throw engineGap("document validation ($jsonSchema validators enforced on insert)", gap);
    await setupDatabase(t.db);
    const bad = t.db
      .collection("cases")
      .insertOne({ title: "", status: "bogus", severity: "low", created_at: new Date() });
    await expect(bad).rejects.toSatisfy((error) => error instanceof MongoServerError && error.code === 121);
    const badAssignee = t.db.collection("cases").insertOne({
      title: "ok",
      status: "open",
      severity: "low",
      created_at: new Date(),
      assignee: "not-an-object-id",
    });
    await expect(badAssignee).rejects.toSatisfy(
      (error) => error instanceof MongoServerError && error.code === 121,
    );
    await t.db.collection("cases").insertOne({
      title: "ok",
      status: "open",
      severity: "low",
      created_at: new Date(),
      assignee: new ObjectId(),
      tags: ["a"],
      resolved_at: null,
    });
  });

  it("applies the validator to an existing collection with collMod", async () => {
    const gap = await probeCollMod(t.db);
    if (gap) throw engineGap("collMod", gap);
    const other = await openTestDatabase("ops_setup_collmod");
    try {
      await other.db.createCollection("users");
      const result = await setupDatabase(other.db);
      expect(result.collections.find((c) => c.name === "users")?.action).toBe("validator-applied");
      const info = (await other.db
        .listCollections({ name: "users" }, { nameOnly: false })
        .next()) as Document;
      expect(info.options.validator.$jsonSchema.required).toEqual(["email", "name", "role", "created_at"]);
    } finally {
      await other.close();
    }
  });

  it("reports an index with the same key but other options as drift and leaves it alone", async () => {
    const other = await openTestDatabase("ops_setup_drift");
    try {
      // Set up, then let three indexes drift from the data model as a hand edit would.
      await setupDatabase(other.db);
      await other.db.collection("users").dropIndex("email_1");
      await other.db.collection("users").createIndex({ email: 1 }, { name: "email_1" }); // not unique
      await other.db.collection("audit_logs").dropIndex("created_at_1");
      await other.db.collection("audit_logs").createIndex({ created_at: 1 }, { expireAfterSeconds: 60 });
      await other.db.collection("users").dropIndex("role_1");
      await other.db.collection("users").createIndex({ role: 1 }, { name: "by_role", sparse: true });
      const result = await setupDatabase(other.db);
      const drift = result.indexes.filter((i) => i.action === "drift");
      expect(drift.map((i) => `${i.collection}.${i.name}`).sort()).toEqual([
        "audit_logs.created_at_1",
        "users.email_1",
        "users.role_1",
      ]);
      expect(drift.find((i) => i.name === "email_1")?.detail).toContain("unique");
      expect(drift.find((i) => i.name === "created_at_1")?.detail).toContain("expireAfterSeconds");
      expect(result.drift).toBe(3);
      const email = (await other.db.collection("users").listIndexes().toArray()).find(
        (i) => i.name === "email_1",
      );
      expect(email?.unique).toBeUndefined();
      const ttl = (await other.db.collection("audit_logs").listIndexes().toArray()).find(
        (i) => i.name === "created_at_1",
      );
      expect(ttl?.expireAfterSeconds).toBe(60);
      // Nothing was replaced, and by_role is kept under its own name.
      expect(result.created).toBe(0);
      expect((await other.db.collection("users").listIndexes().toArray()).map((i) => i.name)).toContain(
        "by_role",
      );
    } finally {
      await other.close();
    }
  });

  it("works through the CLI: exit 0 twice, then exit 2 with DRIFT lines", async () => {
    const other = await openTestDatabase("ops_setup_cli");
    try {
      const env = { uri: other.uri, dbName: other.dbName };
      const first = await runCli(["db", "setup"], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/setup \S+: \d+ created, 0 already existed, 0 drift/);
      const second = await runCli(["db", "setup"], env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/: 0 created, \d+ already existed, 0 drift/);

      await other.db.collection("users").dropIndex("email_1");
      await other.db.collection("users").createIndex({ email: 1 }, { name: "email_1" });
      const third = await runCli(["db", "setup"], env);
      expect(third.code).toBe(2);
      expect(third.stdout).toMatch(/^DRIFT index users\.email_1: unique: expected true, found \(none\)/m);
      expect(third.stderr).toContain("what to do");
    } finally {
      await other.close();
    }
  });
});
