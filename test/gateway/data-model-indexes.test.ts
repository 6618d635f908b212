import type { Document } from "mongodb";
import { describe, expect, it } from "vitest";
import { CASE_INDEX_KEYS } from "../helpers/case-indexes";
import { startTestGateway } from "../helpers/test-gateway";
import { useTestGateway } from "../helpers/use-test-gateway";

// Twice: ensuring indexes must be idempotent (a gateway started and stopped, then the fixture's).
const { database } = useTestGateway("data-model-indexes", {
  seed: async (_db, opened) => {
    await (await startTestGateway(opened)).stop();
  },
});

async function indexes(collection: string): Promise<Document[]> {
  return database.db.collection(collection).listIndexes().toArray();
}
const keys = (list: Document[]) => list.map((index) => JSON.stringify(index.key));

describe("the data model's indexes exist after start", () => {
  it("cases: filters, keyset paging and the weighted text index", async () => {
    const list = await indexes("cases");
    expect(keys(list)).toEqual(
      expect.arrayContaining(
        [
          ...CASE_INDEX_KEYS,
          // Keyset paging.
          { created_at: -1, _id: -1 },
          { updated_at: -1, _id: -1 },
          { severity: 1, _id: 1 },
          { priority: 1, _id: 1 },
        ].map((key) => JSON.stringify(key)),
      ),
    );
    const text = list.find((index) => index.name === "cases_text");
    expect(text?.weights).toEqual({ title: 10, tags: 5, description: 1 });
  });

  it("alerts: the partial index on open alerts has a name of its own", async () => {
    const list = await indexes("alerts");
    expect(keys(list)).toEqual(
      expect.arrayContaining(
        [
          { timestamp: 1 },
          { case_id: 1 },
          { severity: 1, resolved: 1 },
          { resolved: 1, severity: 1 },
          { timestamp: -1, _id: -1 },
        ].map((key) => JSON.stringify(key)),
      ),
    );
    const partial = list.find((index) => index.name === "case_id_unresolved");
    expect(partial?.key).toEqual({ case_id: 1 });
    expect(partial?.partialFilterExpression).toEqual({ resolved: false });
  });

  it("users: unique email; audit_logs: 90-day TTL", async () => {
    const users = await indexes("users");
    expect(users.find((index) => JSON.stringify(index.key) === '{"email":1}')?.unique).toBe(true);
    expect(keys(users)).toContain('{"role":1}');
    const audit = await indexes("audit_logs");
    expect(audit.find((index) => JSON.stringify(index.key) === '{"created_at":1}')?.expireAfterSeconds).toBe(
      7_776_000,
    );
  });
});
