import { EngineTextError } from "./engine-text-error";
import { resolveTextLanguage, type TextLanguage } from "./resolve-text-language";
import type { TextSearch } from "./text-search";
import { tokenizeText } from "./tokenize-text";

export interface TextSearchOptions {
  /** `$language`; defaults to "english" (pass the index's default language when there is one). */
  readonly language?: string;
  readonly caseSensitive?: boolean;
  readonly diacriticSensitive?: boolean;
}

interface QueryToken {
  readonly type: "text" | "delimiter";
  readonly data: string;
  readonly offset: number;
  /** Whitespace (or the start of the query) came right before this token. */
  readonly previousWhiteSpace: boolean;
}

// mongod's FTSQueryParser: only these are whitespace; '-' and '"' are the two delimiters.
const isWhiteSpace = (c: string): boolean =>
  c === " " || c === "\n" || c === "\v" || c === "\f" || c === "\r";
const isDelimiter = (c: string): boolean => c === "-" || c === '"';

function* queryTokens(raw: string): Generator<QueryToken> {
  let pos = 0;
  const skipWhiteSpace = (): boolean => {
    const start = pos;
    while (pos < raw.length && isWhiteSpace(raw[pos])) pos++;
    return pos > start;
  };
  skipWhiteSpace();
  let previousWhiteSpace = true;
  while (pos < raw.length) {
    const start = pos++;
    const type = isDelimiter(raw[start]) ? "delimiter" : "text";
    if (type === "text") {
      while (pos < raw.length && !isWhiteSpace(raw[pos]) && !isDelimiter(raw[pos])) pos++;
    }
    const token: QueryToken = { type, data: raw.slice(start, pos), offset: start, previousWhiteSpace };
    previousWhiteSpace = skipWhiteSpace();
    yield token;
  }
}

function addTerms(
  sentence: string,
  language: TextLanguage,
  options: { caseSensitive: boolean; diacriticSensitive: boolean },
  active: Set<string>,
  bounds: Set<string> | undefined,
): void {
  const indexed = tokenizeText(sentence, language, { filterStopWords: true });
  for (const word of indexed) bounds?.add(word);
  if (!options.caseSensitive && !options.diacriticSensitive) {
    for (const word of indexed) active.add(word);
    return;
  }
  for (const word of tokenizeText(sentence, language, { filterStopWords: true, ...options }))
    active.add(word);
}

/**
 * Parses a `$search` string exactly as mongod's FTSQueryImpl::parse: words are terms (any may
 * match), "quoted phrases" must all occur (their words are also terms), a "-" right before a word
 * or phrase (after whitespace) negates it, and "-foo-bar" negates both words. Stop words are
 * dropped, so a search made only of stop words (or only of negations) matches nothing.
 */
export function parseTextSearch(search: string, options: TextSearchOptions = {}): TextSearch {
  const languageName = options.language ?? "english";
  const language = resolveTextLanguage(languageName);
  if (!language) {
    throw EngineTextError.badValue(`unsupported language: "${languageName}" for text index version 3`);
  }
  const caseSensitive = options.caseSensitive ?? false;
  const diacriticSensitive = options.diacriticSensitive ?? false;

  const positiveWords: string[] = [];
  const negativeWords: string[] = [];
  const phrases: string[] = [];
  const negatedPhrases: string[] = [];
  let inNegation = false;
  let inPhrase = false;
  let quoteOffset = 0;

  for (const token of queryTokens(search)) {
    if (token.type === "text") {
      // Words inside a negated phrase belong to the phrase only.
      if (inPhrase && inNegation) continue;
      // A negation lasts until the next whitespace: "- foo" does not negate foo.
      if (inNegation && token.previousWhiteSpace) inNegation = false;
      (inNegation ? negativeWords : positiveWords).push(token.data);
    } else if (token.data === "-") {
      if (!inPhrase && token.previousWhiteSpace) inNegation = true;
    } else if (inPhrase) {
      const phrase = search.slice(quoteOffset + 1, token.offset);
      (inNegation ? negatedPhrases : phrases).push(phrase);
      inPhrase = false;
    } else {
      inPhrase = true;
      if (inNegation && token.previousWhiteSpace) inNegation = false;
      quoteOffset = token.offset;
    }
  }

  const terms = new Set<string>();
  const termsForBounds = new Set<string>();
  const negatedTerms = new Set<string>();
  const sensitivity = { caseSensitive, diacriticSensitive };
  addTerms(positiveWords.join(" "), language, sensitivity, terms, termsForBounds);
  addTerms(negativeWords.join(" "), language, sensitivity, negatedTerms, undefined);

  return {
    search,
    language,
    caseSensitive,
    diacriticSensitive,
    terms,
    termsForBounds,
    negatedTerms,
    phrases,
    negatedPhrases,
  };
}
