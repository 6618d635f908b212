import type { GraphQLFormattedError } from "graphql";

/** graphql's hints, e.g. ` Did you mean "cases"?` at the end of a validation message. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Removes "Did you mean …?" suggestions from an error (production): they let a
 * client discover the schema field by field when introspection is off.
 */
export function stripSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!SUGGESTION.test(formatted.message)) return formatted;
  SUGGESTION.lastIndex = 0;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, "") };
}
