import { describe, expect, it } from "vitest";
import {
  isTextIndexKey,
  parseTextIndexSpec,
  textIndexDescription,
} from "../../../src/embedded-mongo/text-search";

const codeOf = (run: () => unknown): number | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
};

describe("parseTextIndexSpec", () => {
  it("normalises a two-field index with weights as listIndexes shows it", () => {
    const spec = parseTextIndexSpec({ title: "text", description: "text" }, { weights: { title: 10 } });
    expect(textIndexDescription(spec)).toEqual({
      v: 2,
      key: { _fts: "text", _ftsx: 1 },
      name: "title_text_description_text",
      weights: { description: 1, title: 10 },
      default_language: "english",
      language_override: "language",
      textIndexVersion: 3,
    });
    // mongod keeps the weights sorted by field name.
    expect(Object.keys(textIndexDescription(spec).weights)).toEqual(["description", "title"]);
    expect(spec.defaultLanguage).toBe("english");
    expect(spec.wildcard).toBe(false);
  });

  it("keeps non-text fields of a compound index around the text block", () => {
    const spec = parseTextIndexSpec({ status: 1, title: "text", created_at: -1 }, { name: "search" });
    expect(spec.key).toEqual({ status: 1, _fts: "text", _ftsx: 1, created_at: -1 });
    expect(Object.keys(spec.key)).toEqual(["status", "_fts", "_ftsx", "created_at"]);
    expect(spec.extraBefore).toEqual(["status"]);
    expect(spec.extraAfter).toEqual(["created_at"]);
    expect(spec.name).toBe("search");
  });

  it("accepts the wildcard and the stored form", () => {
    const wildcard = parseTextIndexSpec({ "$**": "text" });
    expect(wildcard.wildcard).toBe(true);
    expect(textIndexDescription(wildcard).weights).toEqual({ "$**": 1 });
    expect(wildcard.name).toBe("$**_text");

    const stored = parseTextIndexSpec(
      { _fts: "text", _ftsx: 1 },
      { weights: { title: 3 }, default_language: "none", language_override: "lang" },
    );
    expect(stored.weights.get("title")).toBe(3);
    expect(stored.defaultLanguage).toBe("none");
    expect(stored.languageOverride).toBe("lang");
  });

  it("truncates weights to integers as mongod stores them", () => {
    expect(parseTextIndexSpec({ title: "text" }, { weights: { title: 2.7 } }).weights.get("title")).toBe(2);
  });

  it("rejects bad definitions with CannotCreateIndex (67)", () => {
    expect(codeOf(() => parseTextIndexSpec({ title: "text" }, { default_language: "klingon" }))).toBe(67);
    expect(codeOf(() => parseTextIndexSpec({ title: "text" }, { weights: { title: 0 } }))).toBe(67);
    expect(codeOf(() => parseTextIndexSpec({ title: "text" }, { weights: { title: 100000 } }))).toBe(67);
    expect(codeOf(() => parseTextIndexSpec({ title: "text", a: 1, body: "text" }))).toBe(67);
    expect(codeOf(() => parseTextIndexSpec({ title: "text" }, { language_override: "$lang" }))).toBe(67);
    expect(codeOf(() => parseTextIndexSpec({ title: "text" }, { weights: "title" }))).toBe(67);
  });

  it("recognises text index keys", () => {
    expect(isTextIndexKey({ title: "text" })).toBe(true);
    expect(isTextIndexKey({ _fts: "text", _ftsx: 1 })).toBe(true);
    expect(isTextIndexKey({ title: 1 })).toBe(false);
  });
});
