import { EngineTextError } from "./engine-text-error";
import { parseTextSearch } from "./parse-text-search";
import type { TextIndexSpec } from "./text-index-spec";
import type { TextSearch } from "./text-search";

const ALLOWED = new Set(["$search", "$language", "$caseSensitive", "$diacriticSensitive"]);

/**
 * Validates the argument of a `$text` query operator and parses it. Wrong shapes are code 2
 * BadValue with mongod's messages; `$language` defaults to the index's default language.
 */
export function parseTextOperator(argument: unknown, spec?: TextIndexSpec): TextSearch {
  if (argument === null || typeof argument !== "object" || Array.isArray(argument)) {
    throw EngineTextError.badValue("$text expects an object");
  }
  const text = argument as Readonly<Record<string, unknown>>;
  for (const field of Object.keys(text)) {
    if (!ALLOWED.has(field)) throw EngineTextError.badValue("extra fields in $text");
  }
  const { $search, $language, $caseSensitive, $diacriticSensitive } = text;
  if ($search === undefined) throw EngineTextError.badValue("$search required for $text");
  if (typeof $search !== "string") throw EngineTextError.badValue("$search requires a string value");
  if ($language !== undefined && typeof $language !== "string") {
    throw EngineTextError.badValue("$language requires a string value");
  }
  if ($caseSensitive !== undefined && typeof $caseSensitive !== "boolean") {
    throw EngineTextError.badValue("$caseSensitive requires a boolean value");
  }
  if ($diacriticSensitive !== undefined && typeof $diacriticSensitive !== "boolean") {
    throw EngineTextError.badValue("$diacriticSensitive requires a boolean value");
  }
  return parseTextSearch($search, {
    language: $language ?? spec?.defaultLanguageName ?? "english",
    caseSensitive: $caseSensitive,
    diacriticSensitive: $diacriticSensitive,
  });
}
