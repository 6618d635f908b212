import { matchesTextSearch } from "./matches-text-search";
import { scoreTextDocument } from "./score-text-document";
import type { TextIndexSpec } from "./text-index-spec";
import type { TextSearch } from "./text-search";

/** Returns a document's textScore for the search, or null when it does not match. */
export type TextMatcher = (doc: Readonly<Record<string, unknown>>) => number | null;

/**
 * A per-document `$text` test that gives the same answers as TextIndex.search (for scans
 * without an index, or to re-check one document). The score is the sum, over the search's
 * distinct positive terms, of the document's indexed score for that term (see scoreTextDocument),
 * as mongod's TEXT_OR stage adds up the index keys it finds.
 */
export function buildTextMatcher(spec: TextIndexSpec, search: TextSearch): TextMatcher {
  const skipPositiveTermCheck = !search.caseSensitive && !search.diacriticSensitive;
  return (doc) => {
    const scores = scoreTextDocument(spec, doc);
    let score = 0;
    let found = false;
    for (const term of search.termsForBounds) {
      const termScore = scores.get(term);
      if (termScore !== undefined) {
        score += termScore;
        found = true;
      }
    }
    if (!found) return null;
    return matchesTextSearch(spec, search, doc, { skipPositiveTermCheck }) ? score : null;
  };
}
