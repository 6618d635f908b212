import type { ValidatorNode } from "./validator-node";

/** A collection validator ready to check documents (see compileValidator, compileJsonSchema). */
export interface CompiledValidator {
  /** The validator document as the user gave it (what listCollections shows in options.validator). */
  readonly validator: Readonly<Record<string, unknown>>;
  /** Its clauses, implicitly and-ed (an empty list accepts everything). */
  readonly clauses: readonly ValidatorNode[];
}
