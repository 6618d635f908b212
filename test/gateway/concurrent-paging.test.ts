import { type Document, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { ids, RANK, sortedBy } from "./fixtures/expected-order";
import { buildIncidentFixture, insertIncidentFixture, mulberry32 } from "./fixtures/incident-fixture";
import { type ListField, pageThrough } from "./fixtures/page-through";
import { useTestGateway } from "../helpers/use-test-gateway";

/** _ids of the fixture per collection. */
const original = new Map<string, ObjectId[]>();

const { database, gateway } = useTestGateway("concurrent-paging", {
  seed: async (db) => {
    const fixture = buildIncidentFixture({ users: 30, cases: 60, alerts: 60, seed: 11 });
    await insertIncidentFixture(db, fixture);
    for (const [name, documents] of Object.entries(fixture) as [string, Document[]][]) {
      original.set(
        name,
        documents.map((document) => document._id as ObjectId),
      );
    }
  },
});

type Key = (document: Document) => number;
const date =
  (field: string): Key =>
  (document) =>
    (document[field] as Date).getTime();
const rank =
  (field: string): Key =>
  (document) =>
    RANK[document[field] as string]!;

interface Scenario {
  field: ListField;
  collection: string;
  orderBy?: { field: string; direction: "ASC" | "DESC" };
  key: Key;
  direction: 1 | -1;
  /** A new document like the existing ones, with sort keys inside their range. */
  make: (random: () => number, existing: Document[]) => Document;
}

const copyOf = (random: () => number, existing: Document[]): Document => {
  const template = existing[Math.floor(random() * existing.length)]!;
  const other = existing[Math.floor(random() * existing.length)]!;
  // Keys drawn from existing documents: new ties land before and after the cursor.
  return {
    ...other,
    ...template,
    _id: new ObjectId(),
    email: `new-${new ObjectId().toHexString()}@example.test`,
  };
};

const scenarios: Scenario[] = [];
for (const direction of ["ASC", "DESC"] as const) {
  const sign = direction === "ASC" ? 1 : -1;
  scenarios.push(
    {
      field: "cases",
      collection: "cases",
      orderBy: { field: "CREATED_AT", direction },
      key: date("created_at"),
      direction: sign,
      make: copyOf,
    },
    {
      field: "cases",
      collection: "cases",
      orderBy: { field: "UPDATED_AT", direction },
      key: date("updated_at"),
      direction: sign,
      make: copyOf,
    },
    {
      field: "cases",
      collection: "cases",
      orderBy: { field: "SEVERITY", direction },
      key: rank("severity"),
      direction: sign,
      make: copyOf,
    },
    {
      field: "cases",
      collection: "cases",
      orderBy: { field: "PRIORITY", direction },
      key: rank("priority"),
      direction: sign,
      make: copyOf,
    },
    {
      field: "alerts",
      collection: "alerts",
      orderBy: { field: "TIMESTAMP", direction },
      key: date("timestamp"),
      direction: sign,
      make: copyOf,
    },
    {
      field: "alerts",
      collection: "alerts",
      orderBy: { field: "SEVERITY", direction },
      key: rank("severity"),
      direction: sign,
      make: copyOf,
    },
  );
}
scenarios.push({ field: "users", collection: "users", key: date("created_at"), direction: -1, make: copyOf });

describe("keyset paging while documents are inserted", () => {
  scenarios.forEach((scenario, index) => {
    const label = scenario.orderBy
      ? `${scenario.orderBy.field} ${scenario.orderBy.direction}`
      : "default order";
    it(`${scenario.field} by ${label}: nothing that existed is skipped or repeated`, async () => {
      const collection = database.db.collection(scenario.collection);
      // Each scenario starts from the original fixture, not from earlier scenarios' inserts.
      await collection.deleteMany({ _id: { $nin: original.get(scenario.collection)! } });
      const before = await collection.find().toArray();
      const random = mulberry32(100 + index);

      // Inserts between pages, and a writer running alongside the requests; both
      // bounded, as new documents landing ahead of the cursor lengthen the walk.
      let writes = 0;
      const writer = (async () => {
        while (writes < 40) {
          writes += 1;
          await collection.insertOne(scenario.make(random, before));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      let served: string[];
      try {
        served = await pageThrough(
          gateway,
          scenario.field,
          { orderBy: scenario.orderBy, first: 6 },
          async (page) => {
            if (page < 8)
              await collection.insertMany([scenario.make(random, before), scenario.make(random, before)]);
          },
        );
      } finally {
        writes = Number.POSITIVE_INFINITY;
        await writer;
      }

      expect(new Set(served).size).toBe(served.length);
      const servedSet = new Set(served);
      for (const id of ids(before)) expect(servedSet.has(id), `existing ${id} was skipped`).toBe(true);
      // Whatever was served came in the requested order (judged on the final data).
      const after = await collection
        .find({ _id: { $in: served.map((id) => ObjectId.createFromHexString(id)) } })
        .toArray();
      expect(served).toEqual(ids(sortedBy(after, scenario.key, scenario.direction)));
    });
  });
});
