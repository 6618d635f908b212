import { englishStopWords } from "./english-stop-words";
import type { TextLanguage } from "./resolve-text-language";

const NO_STOP_WORDS: ReadonlySet<string> = new Set();

/**
 * Stop words filtered for a language. Only mongod's English list is bundled: other languages are
 * stemmed but keep their stop words, which only makes those words searchable.
 */
export function stopWordsFor(language: TextLanguage): ReadonlySet<string> {
  return language === "english" ? englishStopWords : NO_STOP_WORDS;
}
