/** A stored document in the engine's internal form (see bson/toInternal). Never mutated once stored. */
export type Doc = Record<string, unknown>;
