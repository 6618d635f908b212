import { describe, expect, it } from "vitest";
import { englishStopWords, tokenizeText } from "../../../src/embedded-mongo/text-search";

const index = (text: string): string[] => tokenizeText(text, "english", { filterStopWords: true });

describe("tokenizeText", () => {
  it("stems plural and verb forms onto one term", () => {
    // Porter2: "outages" loses its plural s, then the final e (in R2) of "outage": both end as "outag".
    expect(index("outages")).toEqual(["outag"]);
    expect(index("outage")).toEqual(["outag"]);
    // "failing" drops -ing, "fails" drops -s: both "fail".
    expect(index("failing")).toEqual(["fail"]);
    expect(index("fails")).toEqual(["fail"]);
    // "running" drops -ing and the doubled n.
    expect(index("running")).toEqual(["run"]);
  });

  it("drops mongod's English stop words, apostrophe forms included", () => {
    expect(englishStopWords.size).toBe(174);
    expect(index("The and of IS it")).toEqual([]);
    // In English the apostrophe joins "don't" into one token, which is a stop word.
    expect(index("don't panic")).toEqual(["panic"]);
  });

  it("keeps stop words when not filtering (the matcher's mode)", () => {
    expect(tokenizeText("the panic", "english")).toEqual(["the", "panic"]);
  });

  it("folds case and diacritics", () => {
    expect(index("PANIC Panic")).toEqual(["panic", "panic"]);
    expect(index("Café")).toEqual(["cafe"]);
    // Stemming happens before diacritics go, as in mongod; these words stem the same either way.
    expect(index("naïve über")).toEqual(index("naive uber"));
  });

  it("keeps case or diacritics when asked", () => {
    expect(tokenizeText("Panic", "english", { caseSensitive: true })).toEqual(["Panic"]);
    expect(tokenizeText("Café", "english", { diacriticSensitive: true })).toEqual(["café"]);
  });

  it("splits on Unicode punctuation, dashes and spaces but not on underscores or digits", () => {
    expect(index("disk-full,cpu/load;ram:swap")).toEqual(["disk", "full", "cpu", "load", "ram", "swap"]);
    expect(index("disk_io 500 x86")).toEqual(["disk_io", "500", "x86"]);
    // U+2014 em dash and U+3001 ideographic comma are delimiters too.
    expect(index("disk\u2014cpu\u3001ram")).toEqual(["disk", "cpu", "ram"]);
  });

  it("does neither stemming nor stop words for language none", () => {
    expect(tokenizeText("The running", "none", { filterStopWords: true })).toEqual(["the", "running"]);
  });
});
