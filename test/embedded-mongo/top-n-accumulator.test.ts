import fc from "fast-check";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestEngine } from "./support/use-test-engine";

/**
 * `$group` with `$topN` (the gateway's "newest alerts per case"), answered through the
 * driver, against a plain reference: group in JavaScript, sort each group by the sortBy
 * keys in BSON order (missing sorts as null, before every number), keep the first n.
 * The keys end with _id, so the expected order is total.
 */
const engine = useTestEngine("topn");

interface Row {
  _id: ObjectId;
  group: number;
  score?: number;
  at: Date;
  note?: string;
}

function reference(rows: Row[], n: number, scoreDirection: 1 | -1) {
  const groups = new Map<number, Row[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  const compare = (a: Row, b: Row) => {
    const sa = a.score ?? -Infinity;
    const sb = b.score ?? -Infinity;
    if (sa !== sb) return (sa < sb ? -1 : 1) * scoreDirection;
    if (a.at.getTime() !== b.at.getTime()) return a.at.getTime() > b.at.getTime() ? -1 : 1;
    return a._id.toHexString() < b._id.toHexString() ? -1 : 1;
  };
  return [...groups]
    .map(([group, members]) => ({
      _id: group,
      top: [...members]
        .sort(compare)
        .slice(0, n)
        .map((row) => ({ _id: row._id, note: row.note ?? null })),
    }))
    .sort((a, b) => a._id - b._id);
}

const rowsArbitrary = fc.array(
  fc.record(
    {
      group: fc.integer({ min: 0, max: 4 }),
      score: fc.integer({ min: -3, max: 3 }),
      at: fc.integer({ min: 0, max: 5 }).map((day) => new Date(Date.UTC(2026, 0, 1 + day))),
      note: fc.constantFrom("a", "b", "c"),
    },
    { requiredKeys: ["group", "at"] },
  ),
  { maxLength: 60 },
);

describe("$group with $topN", () => {
  it("keeps the first n of each group in sortBy order, as the reference does", async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArbitrary,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(1 as const, -1 as const),
        async (generated, n, scoreDirection) => {
          const collection = engine.db.collection<Row>(`rows_${new ObjectId().toHexString()}`);
          const rows: Row[] = generated.map((row) => ({ _id: new ObjectId(), ...row }));
          if (rows.length > 0) await collection.insertMany(rows);
          const answered = await collection
            .aggregate([
              {
                $group: {
                  _id: "$group",
                  top: {
                    $topN: {
                      n,
                      sortBy: { score: scoreDirection, at: -1, _id: 1 },
                      output: { _id: "$_id", note: { $ifNull: ["$note", null] } },
                    },
                  },
                },
              },
              { $sort: { _id: 1 } },
            ])
            .toArray();
          expect(answered).toEqual(reference(rows, n, scoreDirection));
          await collection.drop().catch(() => undefined);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("outputs whole documents with $$ROOT, and null for a missing output field", async () => {
    const collection = engine.db.collection("root");
    const rows = [1, 2, 3].map((i) => ({
      _id: new ObjectId(),
      group: 1,
      score: i,
      ...(i === 3 ? {} : { note: `n${i}` }),
    }));
    await collection.insertMany(rows);
    const [whole] = await collection
      .aggregate([
        { $group: { _id: "$group", top: { $topN: { n: 2, sortBy: { score: -1 }, output: "$$ROOT" } } } },
      ])
      .toArray();
    expect(whole!.top).toEqual([rows[2], rows[1]]);
    const [field] = await collection
      .aggregate([
        { $group: { _id: "$group", top: { $topN: { n: 3, sortBy: { score: -1 }, output: "$note" } } } },
      ])
      .toArray();
    expect(field!.top).toEqual([null, "n2", "n1"]);
  });

  it("answers the form the fast path leaves to mingo (n as an expression) alike", async () => {
    const collection = engine.db.collection<{ _id: number; group: number; score: number }>("forms");
    await collection.insertMany([
      { _id: 1, group: 1, score: 5 },
      { _id: 2, group: 1, score: 7 },
      { _id: 3, group: 1, score: 6 },
    ]);
    const [expression] = await collection
      .aggregate([
        {
          $group: {
            _id: "$group",
            top: { $topN: { n: { $literal: 2 }, sortBy: { score: -1 }, output: "$_id" } },
          },
        },
      ])
      .toArray();
    expect(expression!.top).toEqual([2, 3]);
  });
});
