import { CommandError } from "../errors/command-error";

/** Stages that read no collection and so run only in `{aggregate: 1}` (mongod's isIndependentOfAnyCollection). */
const COLLECTIONLESS = new Set(["$documents", "$currentOp", "$listLocalSessions"]);
/** Other stages a database-level pipeline may start with. */
const DATABASE_LEVEL = new Set([...COLLECTIONLESS, "$changeStream"]);

/**
 * mongod's namespace checks on the first stage (code 73 InvalidNamespace both ways), and
 * $documents only first (40602).
 */
export function assertPipelineNamespace(stages: Record<string, unknown>[], collName: string | null): void {
  const first = stages[0] ? Object.keys(stages[0])[0] : undefined;
  if (first === undefined) return;
  if (collName !== null && COLLECTIONLESS.has(first) && first !== "$currentOp") {
    throw new CommandError(73, `'${first}' can only be run with {aggregate: 1}`);
  }
  if (collName === null && !DATABASE_LEVEL.has(first)) {
    throw new CommandError(73, `{aggregate: 1} is not valid for '${first}'; a collection is required.`);
  }
  for (let i = 1; i < stages.length; i++) {
    const name = Object.keys(stages[i])[0];
    if (COLLECTIONLESS.has(name)) {
      throw new CommandError(40602, `${name} is only valid as the first stage in a pipeline`);
    }
  }
}
