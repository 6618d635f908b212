import { foldCase } from "./fold-case";
import { isTextDelimiter } from "./is-text-delimiter";
import type { TextLanguage } from "./resolve-text-language";
import { stemmerFor } from "./stemmer-for";
import { stopWordsFor } from "./stop-words-for";
import { stripDiacritics } from "./strip-diacritics";

export interface TokenizeOptions {
  /** Drop stop words (indexing and query parsing do; the $text matcher does not). */
  readonly filterStopWords?: boolean;
  /** Keep the original case (for `$caseSensitive`). */
  readonly caseSensitive?: boolean;
  /** Keep diacritics (for `$diacriticSensitive`). */
  readonly diacriticSensitive?: boolean;
}

/**
 * Splits text into index terms the way mongod's UnicodeFTSTokenizer does: split on delimiters,
 * check the lower-cased word against the stop words (before diacritics are removed, as the list
 * has them), stem (the stemmer wants the diacritics), then strip diacritics.
 */
export function tokenizeText(text: string, language: TextLanguage, options: TokenizeOptions = {}): string[] {
  const english = language === "english";
  const stopWords = options.filterStopWords ? stopWordsFor(language) : undefined;
  const stem = stemmerFor(language);
  const tokens: string[] = [];

  const finish = (raw: string): void => {
    const lower = foldCase(raw, language);
    if (stopWords?.has(lower)) return;
    let word = stem(options.caseSensitive ? raw : lower);
    if (!options.diacriticSensitive) word = stripDiacritics(word);
    tokens.push(word);
  };

  let current = "";
  for (const codePoint of text) {
    if (isTextDelimiter(codePoint, english)) {
      if (current) finish(current);
      current = "";
    } else {
      current += codePoint;
    }
  }
  if (current) finish(current);
  return tokens;
}
