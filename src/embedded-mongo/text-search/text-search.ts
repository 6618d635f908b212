import type { TextLanguage } from "./resolve-text-language";

/** A parsed `$text` query (mongod's FTSQueryImpl). */
export interface TextSearch {
  /** The `$search` string as given. */
  readonly search: string;
  readonly language: TextLanguage;
  readonly caseSensitive: boolean;
  readonly diacriticSensitive: boolean;
  /**
   * Positive terms in the form the matcher compares with document tokens (kept in case and
   * diacritics when the search is sensitive to them). A document needs at least one.
   */
  readonly terms: ReadonlySet<string>;
  /** Positive terms as indexed (lower case, no diacritics): index look-up and scoring use these. */
  readonly termsForBounds: ReadonlySet<string>;
  /** Terms after "-": a document containing any of them does not match. */
  readonly negatedTerms: ReadonlySet<string>;
  /** Quoted phrases: each must occur in some indexed field. */
  readonly phrases: readonly string[];
  /** Quoted phrases after "-": none may occur. */
  readonly negatedPhrases: readonly string[];
}
