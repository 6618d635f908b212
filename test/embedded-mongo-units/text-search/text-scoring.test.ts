import { describe, expect, it } from "vitest";
import {
  buildTextMatcher,
  parseTextIndexSpec,
  parseTextSearch,
  TextIndex,
  type TextIndexSpec,
} from "../../../src/embedded-mongo/text-search";

type Doc = Record<string, unknown>;

const incidents = parseTextIndexSpec(
  { title: "text", description: "text", tags: "text" },
  { weights: { title: 10, description: 1 } },
);

const scoreOf = (spec: TextIndexSpec, search: string, doc: Doc): number | null =>
  buildTextMatcher(spec, parseTextSearch(search))(doc);

// Expected scores use mongod's formula: weight * freq * (0.5 * count / numTokens + 0.5) * bonus,
// freq = 1 + 1/2 + 1/4 ... over the count occurrences, bonus 1.1 when the whole field equals the term.
describe("text scores", () => {
  it("scores a title hit with weight 10 over two tokens as 10 * 1 * 0.75", () => {
    // "Database outage" → [databas, outag]: count 1 of 2 tokens → coeff 0.75.
    expect(scoreOf(incidents, "outages", { title: "Database outage" })).toBeCloseTo(7.5, 10);
  });

  it("discounts repeats: three of three tokens give freq 1.75 and coeff 1", () => {
    expect(scoreOf(incidents, "outage", { description: "outage outage outage" })).toBeCloseTo(1.75, 10);
  });

  it("gives the 1.1 bonus when the field is exactly the term", () => {
    // "network" stems to itself, so the tag equals the term; "outage" stems to "outag" and does not.
    expect(scoreOf(incidents, "network", { tags: ["network"] })).toBeCloseTo(1.1, 10);
    expect(scoreOf(incidents, "outage", { tags: ["outage"] })).toBeCloseTo(1, 10);
  });

  it("adds the scores of every searched term and every field", () => {
    // Each of databas/outag in the title: 10 * 0.75; "outage" alone in the description: 1 * 1.
    const doc = { title: "Database outage", description: "outage" };
    expect(scoreOf(incidents, "database outage", doc)).toBeCloseTo(7.5 + 7.5 + 1, 10);
  });

  it("returns null for documents without a searched term", () => {
    expect(scoreOf(incidents, "printer", { title: "Database outage" })).toBeNull();
    expect(scoreOf(incidents, "the", { title: "the database" })).toBeNull();
  });

  it("ranks documents by weighted score", () => {
    const docs: Record<string, Doc> = {
      // Title: outag is 1 of 2 tokens → 10 * 0.75 = 7.5.
      a: { title: "Database outage", description: "Nothing else to report" },
      // Description after stop words: outage east region outage power grid (6 tokens), outag twice:
      // freq 1.5, coeff 0.5 * 2/6 + 0.5 = 2/3 → 1.0 with weight 1.
      b: {
        title: "Weekly report",
        description: "Outage in the east region after the outage of the power grid",
      },
      // Title is the single token outag → 10 * 1 * 1 = 10 (no bonus: "Outage" is not "outag").
      c: { title: "Outage", description: "" },
      d: { title: "Printer jam", description: "Paper stuck" },
    };
    const index = new TextIndex(incidents);
    for (const [key, doc] of Object.entries(docs)) index.add(key, doc);
    const results = index.search(parseTextSearch("outages"), (key) => docs[key]);
    const ranked = [...results].sort((x, y) => y[1] - x[1]);
    expect(ranked.map(([key]) => key)).toEqual(["c", "a", "b"]);
    expect(results.get("c")).toBeCloseTo(10, 10);
    expect(results.get("a")).toBeCloseTo(7.5, 10);
    expect(results.get("b")).toBeCloseTo(1, 10);
  });
});

describe("text matching", () => {
  const docs: Record<string, Doc> = {
    a: { title: "Database outage in Zürich", tags: ["network", "db"] },
    b: { title: "Outage of database replicas", tags: ["storage"] },
    c: { title: "Planned maintenance", description: "Failing disks were replaced", tags: ["Café"] },
  };
  const index = new TextIndex(incidents);
  for (const [key, doc] of Object.entries(docs)) index.add(key, doc);
  const find = (search: string, options = {}): string[] =>
    [...index.search(parseTextSearch(search, options), (key) => docs[key]).keys()].sort();

  it("matches any term, through stemming", () => {
    expect(find("outages")).toEqual(["a", "b"]);
    expect(find("fails")).toEqual(["c"]);
    expect(find("printer outage")).toEqual(["a", "b"]);
  });

  it("requires phrases as case-insensitive substrings of one field", () => {
    expect(find('"database outage"')).toEqual(["a"]);
    expect(find('"DATABASE OUTAGE"')).toEqual(["a"]);
    // Both words are present in b, but not as this phrase.
    expect(find('"outage database"')).toEqual([]);
  });

  it("drops documents with a negated term or phrase", () => {
    expect(find("outage -network")).toEqual(["b"]);
    expect(find('outage -"of database"')).toEqual(["a"]);
    // Only negations: nothing to look up, nothing matches.
    expect(find("-network")).toEqual([]);
  });

  it("ignores diacritics unless asked", () => {
    expect(find("zurich")).toEqual(["a"]);
    expect(find("cafe")).toEqual(["c"]);
    expect(find("zurich", { diacriticSensitive: true })).toEqual([]);
    expect(find("zürich", { diacriticSensitive: true })).toEqual(["a"]);
  });

  it("honours case sensitivity", () => {
    expect(find("Outage", { caseSensitive: true })).toEqual(["b"]);
    expect(find("outage", { caseSensitive: true })).toEqual(["a"]);
  });

  it("agrees with the per-document matcher", () => {
    const matcher = buildTextMatcher(incidents, parseTextSearch('outage -"of database"'));
    expect(matcher(docs.a)).not.toBeNull();
    expect(matcher(docs.b)).toBeNull();
  });
});

describe("TextIndex maintenance", () => {
  it("adds, updates and removes documents", () => {
    const index = new TextIndex<number>(incidents);
    index.add(1, { title: "Disk failure" });
    index.add(2, { title: "Network failure" });
    const search = parseTextSearch("failures");
    expect([...index.search(search, () => undefined).keys()].sort()).toEqual([1, 2]);

    index.add(1, { title: "Disk replaced" });
    expect([...index.search(search, () => undefined).keys()]).toEqual([2]);
    expect([...index.search(parseTextSearch("replaced"), () => undefined).keys()]).toEqual([1]);

    expect(index.remove(2)).toBe(true);
    expect(index.remove(2)).toBe(false);
    expect(index.search(search, () => undefined).size).toBe(0);
    expect(index.size).toBe(1);
  });

  it("indexes nested paths and arrays of sub-documents", () => {
    const spec = parseTextIndexSpec({ "meta.summary": "text", "comments.body": "text" });
    const index = new TextIndex(spec);
    index.add("x", { meta: { summary: "disk failure" } });
    index.add("y", { comments: [{ body: "rebooted" }, { body: "disk failures again" }] });
    index.add("z", { summary: "disk failure", comments: "disk failure" });
    const results = index.search(parseTextSearch("failure"), () => undefined);
    expect([...results.keys()].sort()).toEqual(["x", "y"]);
    // x: failur is 1 of 2 tokens → 0.75.
    expect(results.get("x")).toBeCloseTo(0.75, 10);
  });

  it("indexes every string with the wildcard", () => {
    const index = new TextIndex(parseTextIndexSpec({ "$**": "text" }));
    index.add("x", { deep: { deeper: ["disk failure"] }, count: 3 });
    expect([...index.search(parseTextSearch("disk"), () => undefined).keys()]).toEqual(["x"]);
  });

  it("uses each document's language override and refuses unknown ones", () => {
    const index = new TextIndex(incidents);
    // Spanish stemming: "corriendo" and "corrió" share the stem "corr".
    index.add("es", { title: "corriendo", language: "spanish" });
    expect([...index.search(parseTextSearch("corrió", { language: "es" }), () => undefined).keys()]).toEqual([
      "es",
    ]);
    expect(() => index.add("bad", { title: "x", language: "klingon" })).toThrowError(
      expect.objectContaining({ code: 17262 }),
    );
    expect(() => index.add("bad", { title: "x", language: 7 })).toThrowError(
      expect.objectContaining({ code: 17261 }),
    );
    expect(index.has("bad")).toBe(false);
  });

  it("keeps stop words searchable with default_language none", () => {
    const index = new TextIndex<number>(parseTextIndexSpec({ title: "text" }, { default_language: "none" }));
    index.add(1, { title: "The Who" });
    expect([...index.search(parseTextSearch("the", { language: "none" }), () => undefined).keys()]).toEqual([
      1,
    ]);
  });
});
