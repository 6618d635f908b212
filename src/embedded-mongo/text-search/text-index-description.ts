import type { TextIndexSpec } from "./text-index-spec";

/** The entry `listIndexes` returns for a text index (mongod 5+ field order). */
export interface TextIndexDescription {
  v: number;
  key: Record<string, unknown>;
  name: string;
  weights: Record<string, number>;
  default_language: string;
  language_override: string;
  textIndexVersion: 3;
}

/**
 * What listIndexes shows for a text index. The engine adds its other options (unique, sparse,
 * partialFilterExpression...) between `name` and `weights` if it keeps mongod's order.
 */
export function textIndexDescription(spec: TextIndexSpec, indexVersion = 2): TextIndexDescription {
  return {
    v: indexVersion,
    key: { ...spec.key },
    name: spec.name,
    weights: { ...spec.weightsDocument },
    default_language: spec.defaultLanguageName,
    language_override: spec.languageOverride,
    textIndexVersion: 3,
  };
}
