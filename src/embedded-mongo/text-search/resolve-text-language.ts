/** The languages text index version 3 accepts, in mongod's canonical (English, lower-case) form. */
export type TextLanguage =
  | "none"
  | "danish"
  | "dutch"
  | "english"
  | "finnish"
  | "french"
  | "german"
  | "hungarian"
  | "italian"
  | "norwegian"
  | "portuguese"
  | "romanian"
  | "russian"
  | "spanish"
  | "swedish"
  | "turkish";

// mongod's fts_language.cpp: canonical names plus their ISO 639-1 aliases.
const LANGUAGES: ReadonlyMap<string, TextLanguage> = new Map<string, TextLanguage>([
  ["none", "none"],
  ["da", "danish"],
  ["danish", "danish"],
  ["nl", "dutch"],
  ["dutch", "dutch"],
  ["en", "english"],
  ["english", "english"],
  ["fi", "finnish"],
  ["finnish", "finnish"],
  ["fr", "french"],
  ["french", "french"],
  ["de", "german"],
  ["german", "german"],
  ["hu", "hungarian"],
  ["hungarian", "hungarian"],
  ["it", "italian"],
  ["italian", "italian"],
  ["nb", "norwegian"],
  ["norwegian", "norwegian"],
  ["pt", "portuguese"],
  ["portuguese", "portuguese"],
  ["ro", "romanian"],
  ["romanian", "romanian"],
  ["ru", "russian"],
  ["russian", "russian"],
  ["es", "spanish"],
  ["spanish", "spanish"],
  ["sv", "swedish"],
  ["swedish", "swedish"],
  ["tr", "turkish"],
  ["turkish", "turkish"],
]);

/** Resolves a user-supplied language name (case-insensitive, aliases allowed); undefined if unsupported. */
export function resolveTextLanguage(name: string): TextLanguage | undefined {
  return LANGUAGES.get(name.toLowerCase());
}
