import { CommandError } from "../errors/command-error";
import {
  compileValidator,
  parseValidationOptions,
  shouldReject,
  shouldValidate,
  validateDocument,
  type CompiledValidator,
} from "../validation";
import type { Collection } from "./collection";
import type { Doc } from "./doc";

interface Cached {
  source: unknown;
  compiled: CompiledValidator;
}

const compiledByCollection = new WeakMap<Collection, Cached>();

/** Counts of writes let through by validationAction "warn" (mongod logs them). */
export const validationWarnings = { count: 0 };

/**
 * Checks create/collMod validation options as mongod does (ValidatorError codes: 2, 9, 14, 224...),
 * before anything is stored.
 */
export function assertValidationOptions(options: Record<string, unknown>): void {
  if (options.validator !== undefined) compileValidator(options.validator);
  parseValidationOptions(options);
}

function compiledOf(coll: Collection): CompiledValidator | null {
  const source = coll.options.validator;
  if (source === undefined || source === null) return null;
  const cached = compiledByCollection.get(coll);
  if (cached && cached.source === source) return cached.compiled;
  const compiled = compileValidator(source);
  compiledByCollection.set(coll, { source, compiled });
  return compiled;
}

/**
 * Enforces the collection's validator on a write about to be applied: `old` is the current
 * document for an update or replacement, null for an insert (or upsert-insert). Throws code 121
 * DocumentValidationFailure with `errInfo: {failingDocumentId, details}` when the write must be
 * refused; "warn" lets it through.
 */
export function checkDocumentValidation(coll: Collection, doc: Doc, old: Doc | null, bypass: unknown): void {
  if (bypass === true) return;
  const compiled = compiledOf(coll);
  if (!compiled || compiled.clauses.length === 0) return;
  const { level, action } = parseValidationOptions(coll.options);
  const isUpdate = old !== null;
  if (!shouldValidate({ level, isUpdate, oldDocValid: true })) return;
  const details = validateDocument(compiled, doc);
  if (details === null) return;
  const oldDocValid =
    isUpdate && level === "moderate" ? validateDocument(compiled, old as Doc) === null : undefined;
  if (!shouldValidate({ level, isUpdate, oldDocValid })) return;
  if (!shouldReject({ level, action, isUpdate, oldDocValid })) {
    validationWarnings.count++;
    return;
  }
  throw new CommandError(121, "Document failed validation", {
    errInfo: { failingDocumentId: doc._id, details },
  });
}
