import { createRequire } from "node:module";
import type { TextLanguage } from "./resolveTextLanguage";

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
      stem = (word) => stemmer.stem(word);
    }
    cache.set(language, stem);
  }
  return stem;
}
