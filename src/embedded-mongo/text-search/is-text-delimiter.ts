// mongod's v3 delimiter table (gen_delimiter_list.py) is every code point with one of these Unicode
// properties. JavaScript has no \p{Hyphen}, so that deprecated property's code points are listed.
const DELIMITER =
  /[\p{White_Space}\p{Dash}\p{Quotation_Mark}\p{Terminal_Punctuation}\p{Pattern_Syntax}\p{Sentence_Terminal}\u00AD\u058A\u1806\u2010\u2011\u2E17\u30FB\uFE63\uFF0D\uFF65]/u;

// Most text is ASCII: answer it from a table instead of running the regex per character.
const ASCII: readonly boolean[] = Array.from({ length: 128 }, (_, code) =>
  DELIMITER.test(String.fromCharCode(code)),
);

/**
 * Whether one code point separates tokens. For English the apostrophe is not a delimiter, so
 * "don't" stays one token and meets the stop word list as such.
 */
export function isTextDelimiter(codePoint: string, english: boolean): boolean {
  if (codePoint === "'") return !english;
  const code = codePoint.codePointAt(0) ?? 0;
  return code < 128 ? ASCII[code] : DELIMITER.test(codePoint);
}
