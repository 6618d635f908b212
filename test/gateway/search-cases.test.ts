import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { CaseDocument } from "../../src/db/case.document";
import { useTestGateway } from "../helpers/use-test-gateway";

const base = (title: string, description: string, tags: string[]): CaseDocument =>
  ({
    _id: new ObjectId(),
    title,
    description,
    tags,
    severity: "high" as CaseDocument["severity"],
    status: "open" as CaseDocument["status"],
    priority: "medium" as CaseDocument["priority"],
    assignee: null,
    created_at: new Date("2025-01-01T00:00:00Z"),
    updated_at: new Date("2025-01-01T00:00:00Z"),
    resolved_at: null,
    metadata: {},
  }) as CaseDocument;

const documents = {
  titleAndDescription: base(
    "Database failover stalled",
    "the database replica lagged behind primary writes",
    ["ops"],
  ),
  titleOnly: base(
    "Database unreachable, replicas degraded",
    "connections refused from every application server pool",
    ["ops"],
  ),
  tagOnly: base("Checkout latency spike", "payments slowed down during the evening peak", [
    "database",
    "payments",
  ]),
  descriptionOnly: base(
    "Nightly export failed",
    "the export job crashed after the upstream database closed idle sessions early during maintenance",
    ["batch"],
  ),
  unrelated: base("Login page typo", "a spelling mistake on the sign in form", ["frontend"]),
};

const { gateway } = useTestGateway("search-cases", {
  seed: async (db) => {
    await db.collection<CaseDocument>("cases").insertMany(Object.values(documents));
  },
});

/*
 * Expected relevance, reasoned from MongoDB's text scoring: each field in which a query
 * term occurs adds weight × (0.5 + 0.5 × occurrences / words in that field), with the
 * weights of the cases_text index (title 10, tags 5, description 1; each tag scored as
 * its own string). Stop words ("the", "from", ...) are not words here.
 */
const STOP_WORDS = new Set(["the", "from", "every", "during", "after", "on", "a", "in", "down", "behind"]);
const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w && !STOP_WORDS.has(w));
function fieldScore(text: string, term: string, weight: number): number {
  const all = words(text);
  const count = all.filter((w) => w === term).length;
  return count === 0 ? 0 : weight * (0.5 + (0.5 * count) / all.length);
}
function expectedScore(document: CaseDocument, term: string): number {
  return (
    fieldScore(document.title, term, 10) +
    fieldScore(document.description, term, 1) +
    document.tags.reduce((sum, tag) => sum + fieldScore(tag, term, 5), 0)
  );
}

const SEARCH = `query($query: String!, $first: Int) { searchCases(query: $query, first: $first) { score case { id title } } }`;

describe("Query.searchCases", () => {
  it("ranks title matches above tag matches above description matches, and omits the rest", async () => {
    const expected = Object.values(documents)
      .map((document) => ({ id: document._id.toHexString(), score: expectedScore(document, "database") }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score);
    // The reasoning above gives this order; the test states it so a change in it is visible.
    expect(expected.map((hit) => hit.id)).toEqual(
      [documents.titleAndDescription, documents.titleOnly, documents.tagOnly, documents.descriptionOnly].map(
        (d) => d._id.toHexString(),
      ),
    );

    const result = await gateway.graphql(SEARCH, { query: "database" });
    expect(result.errors).toBeUndefined();
    const hits: { score: number; case: { id: string } }[] = result.data.searchCases;
    expect(hits.map((hit) => hit.case.id)).toEqual(expected.map((hit) => hit.id));
    for (let index = 1; index < hits.length; index += 1) {
      expect(hits[index]!.score).toBeLessThan(hits[index - 1]!.score);
    }
    expect(hits.every((hit) => hit.score > 0)).toBe(true);
  });

  it("stems words and limits the number of hits", async () => {
    const result = await gateway.graphql(SEARCH, { query: "databases", first: 2 });
    expect(result.errors).toBeUndefined();
    expect(result.data.searchCases.map((hit: { case: { id: string } }) => hit.case.id)).toEqual(
      [documents.titleAndDescription, documents.titleOnly].map((d) => d._id.toHexString()),
    );
  });

  it("finds nothing for words no case contains", async () => {
    const result = await gateway.graphql(SEARCH, { query: "kubernetes" });
    expect(result.data.searchCases).toEqual([]);
  });
});
