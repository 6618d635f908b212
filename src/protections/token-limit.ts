import type { ParseOptions } from "graphql";

/**
 * graphql's parser stops after `maxTokens` lexical tokens (a syntax error, before any
 * AST is built): Apollo's `parseOptions`. GraphiQL's introspection query is about
 * 300 tokens, well inside the default 2,000.
 */
export function tokenLimitParseOptions(maxTokens: number): ParseOptions {
  return { maxTokens };
}
