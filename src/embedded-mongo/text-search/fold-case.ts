import type { TextLanguage } from "./resolve-text-language";

/** Lower-cases text; Turkish has its own dotted/dotless i rules, as mongod's Turkish case-fold mode. */
export function foldCase(text: string, language: TextLanguage): string {
  return language === "turkish" ? text.toLocaleLowerCase("tr") : text.toLowerCase();
}
