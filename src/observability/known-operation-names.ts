import { Kind, parse } from "graphql";
import { loadPersistedDocuments } from "../protections/persisted-documents";

/**
 * The names of the project's own operations (the trusted documents codegen writes from
 * clients/operations): they always keep their metric label, outside the cap that
 * bounds the names clients make up. Empty when the manifest cannot be read.
 */
export function knownOperationNames(): string[] {
  let texts: Iterable<string>;
  try {
    texts = loadPersistedDocuments().texts;
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const text of texts) {
    try {
      for (const definition of parse(text).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name)
          names.add(definition.name.value);
      }
    } catch {
      // A document that does not parse names nothing.
    }
  }
  return [...names];
}
