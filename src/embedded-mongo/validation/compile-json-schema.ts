import type { CompiledValidator } from "./compiled-validator";
import { compileValidator } from "./compile-validator";

/** Compiles a bare `$jsonSchema` document; same as compileValidator({$jsonSchema: schema}). */
export function compileJsonSchema(schema: unknown): CompiledValidator {
  return compileValidator({ $jsonSchema: schema });
}
