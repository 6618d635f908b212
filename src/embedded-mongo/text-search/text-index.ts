import { matchesTextSearch } from "./matches-text-search";
import { scoreTextDocument } from "./score-text-document";
import type { TextIndexSpec } from "./text-index-spec";
import type { TextSearch } from "./text-search";

type Doc = Readonly<Record<string, unknown>>;

/**
 * An in-memory inverted index for one text index: term → (document key → score). `$text`
 * look-ups visit only documents holding a searched term; the engine applies the rest of the
 * filter (and any prefix-field equality of a compound text index) on the candidates.
 */
export class TextIndex<K = string> {
  readonly spec: TextIndexSpec;
  private readonly postings = new Map<string, Map<K, number>>();
  /** The terms each document was indexed under, so removal needs no re-tokenizing. */
  private readonly termsByDoc = new Map<K, readonly string[]>();

  constructor(spec: TextIndexSpec) {
    this.spec = spec;
  }

  /** Number of indexed documents (including those with no indexed text). */
  get size(): number {
    return this.termsByDoc.size;
  }

  has(docKey: K): boolean {
    return this.termsByDoc.has(docKey);
  }

  /**
   * Indexes (or re-indexes) a document. Scores are computed before anything changes, so a bad
   * language override (EngineTextError 17261/17262) leaves the index as it was.
   */
  add(docKey: K, doc: Doc): void {
    const scores = scoreTextDocument(this.spec, doc);
    this.remove(docKey);
    for (const [term, score] of scores) {
      let docs = this.postings.get(term);
      if (!docs) {
        docs = new Map();
        this.postings.set(term, docs);
      }
      docs.set(docKey, score);
    }
    this.termsByDoc.set(docKey, [...scores.keys()]);
  }

  /** Removes a document; the document itself is not needed. Returns whether it was indexed. */
  remove(docKey: K, _doc?: Doc): boolean {
    const terms = this.termsByDoc.get(docKey);
    if (!terms) return false;
    for (const term of terms) {
      const docs = this.postings.get(term);
      docs?.delete(docKey);
      if (docs?.size === 0) this.postings.delete(term);
    }
    this.termsByDoc.delete(docKey);
    return true;
  }

  clear(): void {
    this.postings.clear();
    this.termsByDoc.clear();
  }

  /**
   * Documents matching the search with their textScore. `getDoc` is called only when the search
   * has negations, phrases or case/diacritic sensitivity, which need the document's text; a key
   * for which it returns undefined is dropped.
   */
  search(search: TextSearch, getDoc: (docKey: K) => Doc | undefined): Map<K, number> {
    const results = new Map<K, number>();
    for (const term of search.termsForBounds) {
      for (const [docKey, score] of this.postings.get(term) ?? []) {
        results.set(docKey, (results.get(docKey) ?? 0) + score);
      }
    }
    const needsDocument =
      search.caseSensitive ||
      search.diacriticSensitive ||
      search.negatedTerms.size > 0 ||
      search.phrases.length > 0 ||
      search.negatedPhrases.length > 0;
    if (!needsDocument) return results;

    const skipPositiveTermCheck = !search.caseSensitive && !search.diacriticSensitive;
    for (const docKey of [...results.keys()]) {
      const doc = getDoc(docKey);
      if (!doc || !matchesTextSearch(this.spec, search, doc, { skipPositiveTermCheck })) {
        results.delete(docKey);
      }
    }
    return results;
  }
}
