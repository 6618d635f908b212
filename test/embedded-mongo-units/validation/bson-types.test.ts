import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from "bson";
import { describe, expect, it } from "vitest";
import { bsonTypeOf, bsonValuesEqual, matchesTypeAlias } from "../../../src/embedded-mongo/validation";

describe("bsonTypeOf", () => {
  it("names plain JS values as the bson serializer would write them", () => {
    expect(bsonTypeOf(5)).toBe("int");
    expect(bsonTypeOf(5.5)).toBe("double");
    // Past int32 the serializer writes a double.
    expect(bsonTypeOf(2 ** 40)).toBe("double");
    expect(bsonTypeOf("s")).toBe("string");
    expect(bsonTypeOf(true)).toBe("bool");
    expect(bsonTypeOf(null)).toBe("null");
    expect(bsonTypeOf(undefined)).toBe("undefined");
    expect(bsonTypeOf([])).toBe("array");
    expect(bsonTypeOf({})).toBe("object");
    expect(bsonTypeOf(new Date(0))).toBe("date");
    expect(bsonTypeOf(/x/)).toBe("regex");
  });

  it("names bson wrapper classes by their _bsontype", () => {
    expect(bsonTypeOf(new ObjectId())).toBe("objectId");
    expect(bsonTypeOf(new Int32(5))).toBe("int");
    expect(bsonTypeOf(Long.fromNumber(5))).toBe("long");
    expect(bsonTypeOf(new Double(5))).toBe("double");
    expect(bsonTypeOf(Decimal128.fromString("1.5"))).toBe("decimal");
    expect(bsonTypeOf(new Binary(Buffer.from("ab")))).toBe("binData");
    expect(bsonTypeOf(new Timestamp({ t: 1, i: 1 }))).toBe("timestamp");
  });
});

describe("matchesTypeAlias", () => {
  it("lets integral JS numbers be int or double, and fractional ones only double", () => {
    expect(matchesTypeAlias(5, "int")).toBe(true);
    expect(matchesTypeAlias(5, "double")).toBe(true);
    expect(matchesTypeAlias(5, "number")).toBe(true);
    expect(matchesTypeAlias(5, "long")).toBe(false);
    expect(matchesTypeAlias(5.5, "int")).toBe(false);
    expect(matchesTypeAlias(5.5, "double")).toBe(true);
  });

  it("keeps wrapper classes to their own type", () => {
    expect(matchesTypeAlias(new Int32(5), "int")).toBe(true);
    expect(matchesTypeAlias(new Int32(5), "long")).toBe(false);
    expect(matchesTypeAlias(Long.fromNumber(5), "long")).toBe(true);
    expect(matchesTypeAlias(Long.fromNumber(5), "number")).toBe(true);
    expect(matchesTypeAlias(new Double(5), "int")).toBe(false);
  });
});

describe("bsonValuesEqual", () => {
  it("compares numbers across types and objects regardless of field order", () => {
    expect(bsonValuesEqual(1, new Int32(1))).toBe(true);
    expect(bsonValuesEqual(Long.fromNumber(2), 2.0)).toBe(true);
    expect(bsonValuesEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(bsonValuesEqual([1, 2], [2, 1])).toBe(false);
    const id = new ObjectId();
    expect(bsonValuesEqual(id, new ObjectId(id.toHexString()))).toBe(true);
    expect(bsonValuesEqual("1", 1)).toBe(false);
  });
});
