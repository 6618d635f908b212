import { foldCase } from "./fold-case";
import type { TextLanguage } from "./resolve-text-language";
import { stripDiacritics } from "./strip-diacritics";

export interface PhraseMatchOptions {
  readonly caseSensitive?: boolean;
  readonly diacriticSensitive?: boolean;
}

/**
 * Whether a phrase occurs in a field's raw text: a plain substring test (no tokenizing or
 * stemming), case- and diacritic-insensitive unless asked, as mongod's UnicodeFTSPhraseMatcher.
 */
export function phraseMatches(
  phrase: string,
  haystack: string,
  language: TextLanguage,
  options: PhraseMatchOptions = {},
): boolean {
  const normalise = (text: string): string => {
    let result = options.caseSensitive ? text : foldCase(text, language);
    if (!options.diacriticSensitive) result = stripDiacritics(result);
    return result;
  };
  return normalise(haystack).includes(normalise(phrase));
}
