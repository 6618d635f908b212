import type { CompiledValidator } from "./CompiledValidator";
import { compileValidator } from "./compileValidator";

/** Compiles a bare `$jsonSchema` document; same as compileValidator({$jsonSchema: schema}). */
export function compileJsonSchema(schema: unknown): CompiledValidator {
  return compileValidator({ $jsonSchema: schema });
}
