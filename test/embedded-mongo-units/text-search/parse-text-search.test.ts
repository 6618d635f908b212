import { describe, expect, it } from "vitest";
import { EngineTextError, parseTextOperator, parseTextSearch } from "../../../src/embedded-mongo/text-search";

describe("parseTextSearch", () => {
  it("separates terms, phrases, negated terms and negated phrases", () => {
    const search = parseTextSearch('"server crash" outages -network -"planned window"');
    // Phrase words are terms too; "outages" stems to "outag"; "server"/"crash"/"network" are already stems.
    expect([...search.terms].sort()).toEqual(["crash", "outag", "server"]);
    expect([...search.termsForBounds].sort()).toEqual(["crash", "outag", "server"]);
    expect(search.phrases).toEqual(["server crash"]);
    expect([...search.negatedTerms]).toEqual(["network"]);
    // Words of a negated phrase are neither terms nor negated terms.
    expect(search.negatedPhrases).toEqual(["planned window"]);
  });

  it("negates only a '-' that follows whitespace and touches the word", () => {
    expect([...parseTextSearch("-disk-cpu").negatedTerms]).toEqual(["disk", "cpu"]);
    const spaced = parseTextSearch("- disk");
    expect([...spaced.terms]).toEqual(["disk"]);
    expect(spaced.negatedTerms.size).toBe(0);
    const hyphenated = parseTextSearch("disk-cpu");
    expect([...hyphenated.terms]).toEqual(["disk", "cpu"]);
    expect(hyphenated.negatedTerms.size).toBe(0);
  });

  it("leaves no terms for a search of stop words only", () => {
    expect(parseTextSearch("the and of").terms.size).toBe(0);
  });

  it("keeps the case of terms for a case-sensitive search but indexes lower case", () => {
    const search = parseTextSearch("Disk", { caseSensitive: true });
    expect([...search.terms]).toEqual(["Disk"]);
    expect([...search.termsForBounds]).toEqual(["disk"]);
  });

  it("rejects an unsupported language with BadValue", () => {
    expect(() => parseTextSearch("disk", { language: "klingon" })).toThrowError(
      expect.objectContaining({ code: 2, codeName: "BadValue" }),
    );
    expect(parseTextSearch("disk", { language: "ES" }).language).toBe("spanish");
  });
});

describe("parseTextOperator", () => {
  const codeOf = (argument: unknown): number | undefined => {
    try {
      parseTextOperator(argument);
      return undefined;
    } catch (error) {
      return error instanceof EngineTextError ? error.code : -1;
    }
  };

  it("answers wrong argument types with code 2", () => {
    expect(codeOf("disk")).toBe(2);
    expect(codeOf({})).toBe(2);
    expect(codeOf({ $search: 5 })).toBe(2);
    expect(codeOf({ $search: "disk", $language: 1 })).toBe(2);
    expect(codeOf({ $search: "disk", $caseSensitive: "yes" })).toBe(2);
    expect(codeOf({ $search: "disk", $diacriticSensitive: 1 })).toBe(2);
    expect(codeOf({ $search: "disk", $other: true })).toBe(2);
    expect(codeOf({ $search: "disk", $caseSensitive: true })).toBeUndefined();
  });
});
