import { Decimal128, type Document } from "mongodb";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

// mongod computes Decimal128 as IEEE 754-2008 decimal128: 34 significant digits, round half to
// even, the exact result keeping the operands' trailing zeros when it fits (1.10 * 3 = 3.30); any
// Decimal128 operand makes the result Decimal128. The reference here is decimal.js, configured
// in this file, independent of the engine.
const Reference = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });
const dec = (s: string) => Decimal128.fromString(s);

describe("Decimal128 arithmetic in $inc and $mul updates", () => {
  const engine = useTestEngine("decarith");

  async function valueAfter(start: Document, update: Document): Promise<unknown> {
    const c = engine.db.collection<AnyDoc>("ledger");
    await c.deleteMany({});
    await c.insertOne({ _id: 1, ...start });
    await c.updateOne({ _id: 1 }, update);
    return (await c.findOne({ _id: 1 }))?.p;
  }

  it("adds exactly: 0.1 + 0.2 is 0.3, and trailing zeros are kept", async () => {
    expect(await valueAfter({ p: dec("0.1") }, { $inc: { p: dec("0.2") } })).toEqual(dec("0.3"));
    expect(String(await valueAfter({ p: dec("1.10") }, { $inc: { p: dec("2.20") } }))).toBe("3.30");
  });

  it("makes the result Decimal128 when either operand is one", async () => {
    expect(await valueAfter({ p: dec("9.99") }, { $inc: { p: 1 } })).toEqual(dec("10.99"));
    expect(await valueAfter({ p: 5 }, { $inc: { p: dec("0.5") } })).toEqual(dec("5.5"));
    expect(await valueAfter({ q: 1 }, { $inc: { p: dec("2.50") } })).toEqual(dec("2.50"));
  });

  it("multiplies exactly and rounds to 34 digits half to even", async () => {
    expect(String(await valueAfter({ p: dec("1.10") }, { $mul: { p: 3 } }))).toBe("3.30");
    for (const [a, b] of [
      ["1234567890123456789012345678901234", "1.5"],
      ["1000000000000000000000000000000001", "2.5"],
      ["1000000000000000000000000000000003", "2.5"],
      ["0.3333333333333333333333333333333333", "3"],
      ["-7.000000000000000000000000000000001", "0.7"],
    ]) {
      const got = await valueAfter({ p: dec(a) }, { $mul: { p: dec(b) } });
      expect((got as { _bsontype?: string })._bsontype).toBe("Decimal128");
      const expected = new Reference(a).times(b);
      expect(new Reference(String(got)).equals(expected), `${a} * ${b} = ${String(got)}`).toBe(true);
    }
  });

  it("updateMany increments every document from its own value", async () => {
    const c = engine.db.collection<AnyDoc>("many");
    const starts = ["0.01", "19.99", "-3", "123456789012345678901234567890.1234"];
    await c.insertMany(starts.map((s, i) => ({ _id: i, p: dec(s) })));
    await c.updateMany({}, { $inc: { p: dec("0.005") } });
    await c.updateMany({}, { $inc: { p: dec("0.005") } });
    const docs = await c.find().sort({ _id: 1 }).toArray();
    docs.forEach((d, i) => {
      const expected = new Reference(starts[i]).plus("0.005").plus("0.005");
      expect(new Reference(String(d.p)).equals(expected), `${starts[i]} -> ${String(d.p)}`).toBe(true);
    });
  });

  it("refuses with 238 what it cannot compute exactly, leaving the document unchanged", async () => {
    const c = engine.db.collection<AnyDoc>("refused");
    await c.insertOne({ _id: 1, p: dec("9.99"), d: 0.1 });
    for (const update of [
      { $inc: { p: 0.5 } },
      { $mul: { d: dec("2") } },
      { $mul: { missing: dec("2") } },
      { $inc: { p: dec("NaN") } },
    ]) {
      const err = await serverFailure(c.updateOne({ _id: 1 }, update));
      expect(err.code).toBe(238);
    }
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, p: dec("9.99"), d: 0.1 });
  });
});

describe("Decimal128 in $group accumulators", () => {
  const engine = useTestEngine("decgroup");

  it("$sum, $avg, $min and $max of Decimal128 (with integers) are exact Decimal128 per group", async () => {
    const c = engine.db.collection<AnyDoc>("sales");
    const rows: [string, unknown][] = [
      ["a", dec("0.1")],
      ["a", dec("0.2")],
      ["a", 3],
      ["a", "not a number"],
      ["b", dec("1.10")],
      ["b", dec("2.20")],
      ["c", dec("1")],
      ["c", dec("0")],
      ["c", dec("0")],
      ["d", 2],
      ["d", 4],
    ];
    await c.insertMany(rows.map(([g, p], i) => ({ _id: i, g, p })));
    const out = await c
      .aggregate([
        {
          $group: { _id: "$g", s: { $sum: "$p" }, a: { $avg: "$p" }, lo: { $min: "$p" }, hi: { $max: "$p" } },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    // Reference: decimal.js over the numeric values of each group (strings are skipped by $sum/$avg).
    for (const row of out) {
      const values = rows
        .filter(([g, p]) => g === row._id && typeof p !== "string")
        .map(([, p]) => String(p));
      const sum = values.reduce((s, v) => s.plus(v), new Reference(0));
      const avg = sum.div(values.length);
      const hasDecimal = rows.some(([g, p]) => g === row._id && p instanceof Decimal128);
      for (const [got, expected] of [
        [row.s, sum],
        [row.a, avg],
      ] as const) {
        expect(got instanceof Decimal128, `${String(row._id)}: ${String(got)}`).toBe(hasDecimal);
        expect(new Reference(String(got)).equals(expected), `${String(row._id)}: ${String(got)}`).toBe(true);
      }
      const sorted = values.map((v) => new Reference(v)).sort((x, y) => x.comparedTo(y));
      expect(new Reference(String(row.lo)).equals(sorted[0])).toBe(true);
      // In BSON order every string sorts above every number: $max of group "a" is its string.
      const text = rows.find(([g, p]) => g === row._id && typeof p === "string")?.[1];
      if (text !== undefined) expect(row.hi).toBe(text);
      else expect(new Reference(String(row.hi)).equals(sorted[sorted.length - 1])).toBe(true);
    }
    expect(out.map((r) => r._id)).toEqual(["a", "b", "c", "d"]);
    // Exact and with trailing zeros kept: 1.10 + 2.20 = 3.30, 3.30 / 2 = 1.65; 0.1 + 0.2 + 3 = 3.3.
    expect(String(out[1].s)).toBe("3.30");
    expect(String(out[1].a)).toBe("1.65");
    expect(String(out[0].s)).toBe("3.3");
  });

  it("$avg rounds an inexact quotient to 34 digits half to even", async () => {
    const c = engine.db.collection<AnyDoc>("thirds");
    await c.insertMany([
      { _id: 1, p: dec("1") },
      { _id: 2, p: dec("0") },
      { _id: 3, p: dec("1") },
    ]);
    const [row] = await c.aggregate([{ $group: { _id: null, a: { $avg: "$p" } } }]).toArray();
    expect(String(row.a)).toBe(new Reference(2).div(3).toString());
  });

  it("a Decimal128 summed with a non-integral double answers 238 naming $group", async () => {
    const c = engine.db.collection<AnyDoc>("mixed");
    await c.insertMany([
      { _id: 1, p: dec("1.5") },
      { _id: 2, p: 0.25 },
    ]);
    const err = await serverFailure(c.aggregate([{ $group: { _id: null, s: { $sum: "$p" } } }]).toArray());
    expect(err.code).toBe(238);
    expect(err.message).toContain("$group");
  });
});

describe("Decimal128 in arithmetic expressions", () => {
  const engine = useTestEngine("decexpr");

  it("$add, $subtract, $multiply, $divide and $abs compute exactly in $project and $group", async () => {
    const c = engine.db.collection<AnyDoc>("items");
    const prices = ["0.1", "19.99", "-3.50", "1234567890123456789012345678.901234"];
    await c.insertMany(prices.map((p, i) => ({ _id: i, p: dec(p), q: i + 2 })));
    const out = await c
      .aggregate([
        {
          $project: {
            plus: { $add: ["$p", dec("0.2"), 1] },
            minus: { $subtract: ["$p", dec("0.2")] },
            times: { $multiply: ["$p", "$q"] },
            per: { $divide: ["$p", 3] },
            abs: { $abs: "$p" },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    out.forEach((row, i) => {
      const p = new Reference(prices[i]);
      for (const [name, expected] of [
        ["plus", p.plus("0.2").plus(1)],
        ["minus", p.minus("0.2")],
        ["times", p.times(i + 2)],
        ["per", p.div(3)],
        ["abs", p.abs()],
      ] as const) {
        const got = row[name] as unknown;
        expect(got instanceof Decimal128, `${name} ${String(got)}`).toBe(true);
        expect(new Reference(String(got)).equals(expected), `${name}(${prices[i]}) = ${String(got)}`).toBe(
          true,
        );
      }
    });
    expect(String(out[0].plus)).toBe("1.3");
    expect(String(out[2].abs)).toBe("3.50");
    const [total] = await c
      .aggregate([{ $group: { _id: null, t: { $sum: { $multiply: ["$p", "$q"] } } } }])
      .toArray();
    const expected = prices.reduce((s, p, i) => s.plus(new Reference(p).times(i + 2)), new Reference(0));
    expect(new Reference(String(total.t)).equals(expected)).toBe(true);
  });

  it("division by a zero Decimal128 fails with code 2 and the server keeps serving", async () => {
    const c = engine.db.collection<AnyDoc>("zero");
    await c.insertOne({ _id: 1, p: dec("1.5") });
    const err = await serverFailure(
      c.aggregate([{ $project: { d: { $divide: ["$p", dec("0")] } } }]).toArray(),
    );
    expect(err.code).toBe(2);
    expect(await c.countDocuments()).toBe(1);
  });
});

describe("Decimal128 in $expr comparisons of computed values", () => {
  const engine = useTestEngine("deccmp");

  it("compares computed Decimal128 values exactly, in find and in $match", async () => {
    const c = engine.db.collection<AnyDoc>("lines");
    const rows = [
      { _id: 1, p: dec("3.33"), q: 3 }, // 9.99
      { _id: 2, p: dec("3.333333333333333333333333333333336"), q: 3 }, // 10.00…01 after rounding
      { _id: 5, p: dec("3.333333333333333333333333333333334"), q: 3 }, // rounds to exactly 10
      { _id: 3, p: dec("2.5"), q: 4 }, // exactly 10
      { _id: 4, p: dec("0.1"), q: 1 },
    ];
    await c.insertMany(rows);
    // Reference: decimal.js with 34 digits, half even, as the product is rounded by mongod.
    const product = (r: (typeof rows)[number]) => new Reference(String(r.p)).times(r.q);
    const above = rows.filter((r) => product(r).gt(10)).map((r) => r._id);
    expect(above.length).toBeGreaterThan(0);
    const expr = { $gt: [{ $multiply: ["$p", "$q"] }, 10] };
    expect((await c.find({ $expr: expr }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual(above);
    const matched = await c.aggregate([{ $match: { $expr: expr } }, { $sort: { _id: 1 } }]).toArray();
    expect(matched.map((d) => d._id)).toEqual(above);
    const equal = rows.filter((r) => product(r).eq(10)).map((r) => r._id);
    const eq = await c.find({ $expr: { $eq: [{ $multiply: ["$p", "$q"] }, 10] } }).toArray();
    expect(eq.map((d) => d._id).sort()).toEqual(equal.sort());
    expect(equal.length).toBe(2);
    // Decimal128("0.1") is below the double 0.1 (0.1000000000000000055…): $cmp says -1.
    const [cmp] = await c
      .aggregate([{ $match: { _id: 4 } }, { $project: { c: { $cmp: ["$p", 0.1] } } }])
      .toArray();
    expect(cmp.c).toBe(-1);
  });
});
