import { createRequire } from "node:module";
import type { TextLanguage } from "./resolve-text-language";

interface SnowballStemmer {
  stem(word: string): string;
}

interface SnowballModule {
  newStemmer(algorithm: string): SnowballStemmer;
}

// snowball-stemmers ships no type declarations; createRequire keeps this file free of an
// ambient `declare module` that could clash with another one in the tree.
const snowball = createRequire(__filename)("snowball-stemmers") as SnowballModule;

const identity = (word: string): string => word;
const MEMO_LIMIT = 100_000;
const cache = new Map<TextLanguage, (word: string) => string>();

/**
 * The Snowball stemmer mongod uses for a language ("none" leaves words as they are). Stemmers are
 * stateless between calls, so one instance per language is shared.
 */
export function stemmerFor(language: TextLanguage): (word: string) => string {
  let stem = cache.get(language);
  if (!stem) {
    if (language === "none") {
      stem = identity;
    } else {
      const stemmer = snowball.newStemmer(language);
      // Memoised: vocabularies are small next to the number of words stemmed (bounded cache).
      const memo = new Map<string, string>();
      stem = (word) => {
        let out = memo.get(word);
        if (out === undefined) {
          out = stemmer.stem(word);
          if (memo.size >= MEMO_LIMIT) memo.clear();
          memo.set(word, out);
        }
        return out;
      };
    }
    cache.set(language, stem);
  }
  return stem;
}
