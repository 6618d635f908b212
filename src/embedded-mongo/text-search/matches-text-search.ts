import { iterateTextFields } from "./iterate-text-fields";
import { phraseMatches } from "./phrase-matches";
import type { TextIndexSpec } from "./text-index-spec";
import type { TextSearch } from "./text-search";
import { tokenizeText } from "./tokenize-text";

export interface MatchTextOptions {
  /**
   * The index look-up already proved a positive term is present (true whenever the search is
   * neither case- nor diacritic-sensitive), as mongod's FTSMatcher assumes.
   */
  readonly skipPositiveTermCheck?: boolean;
}

/**
 * mongod's FTSMatcher::matches: at least one positive term, no negated term, every phrase and
 * no negated phrase, looked for across the indexed fields. Terms are compared without stop-word
 * filtering and with the search's case/diacritic sensitivity.
 */
export function matchesTextSearch(
  spec: TextIndexSpec,
  search: TextSearch,
  doc: Readonly<Record<string, unknown>>,
  options: MatchTextOptions = {},
): boolean {
  const fields = [...iterateTextFields(spec, doc)];
  const sensitivity = { caseSensitive: search.caseSensitive, diacriticSensitive: search.diacriticSensitive };
  const containsAny = (terms: ReadonlySet<string>): boolean =>
    terms.size > 0 &&
    fields.some((field) =>
      tokenizeText(field.text, field.language, sensitivity).some((word) => terms.has(word)),
    );
  const hasPhrase = (phrase: string): boolean =>
    fields.some((field) => phraseMatches(phrase, field.text, field.language, sensitivity));

  if (!options.skipPositiveTermCheck && !containsAny(search.terms)) return false;
  if (containsAny(search.negatedTerms)) return false;
  if (!search.phrases.every(hasPhrase)) return false;
  return !search.negatedPhrases.some(hasPhrase);
}
