import { matchesTextSearch, tokenizeText, type TextIndex, type TextSearch } from ".";
import type { Doc } from "../storage/doc";

/**
 * TextIndex.search with cheap pre-filters from the postings before the per-document check
 * (which re-tokenizes the document): documents indexed under a negated term are dropped, and a
 * quoted phrase needs every one of its terms indexed for the document. Only the survivors are
 * checked with matchesTextSearch, and only when phrases or case/diacritic sensitivity need it.
 */
export function searchText(
  index: TextIndex<number>,
  search: TextSearch,
  getDoc: (rid: number) => Doc | undefined,
): Map<number, number> {
  const insensitive = !search.caseSensitive && !search.diacriticSensitive;
  const plain: TextSearch = {
    ...search,
    caseSensitive: false,
    diacriticSensitive: false,
    negatedTerms: new Set(),
    phrases: [],
    negatedPhrases: [],
  };
  const results = index.search(plain, getDoc);
  const postingsOf = (term: string): Map<number, number> =>
    index.search({ ...plain, termsForBounds: new Set([term]) }, getDoc);
  if (insensitive) {
    for (const term of search.negatedTerms) {
      for (const rid of postingsOf(term).keys()) results.delete(rid);
    }
  }
  for (const phrase of search.phrases) {
    for (const term of new Set(tokenizeText(phrase, search.language, { filterStopWords: true }))) {
      const holding = postingsOf(term);
      for (const rid of [...results.keys()]) if (!holding.has(rid)) results.delete(rid);
    }
  }
  const needsDocument = !insensitive || search.phrases.length > 0 || search.negatedPhrases.length > 0;
  if (!needsDocument) return results;
  // Negated terms were settled from the postings when insensitive: only phrases remain to check.
  const check: TextSearch = insensitive ? { ...search, negatedTerms: new Set() } : search;
  for (const rid of [...results.keys()]) {
    const doc = getDoc(rid);
    if (!doc || !matchesTextSearch(index.spec, check, doc, { skipPositiveTermCheck: insensitive })) {
      results.delete(rid);
    }
  }
  return results;
}
