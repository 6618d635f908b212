import { validate, type ValidationError } from "class-validator";
import type { ResolverData } from "type-graphql";
import { BadUserInputError } from "../src/errors/gateway-error";
import { ArgumentValidationMemo } from "./validation/argument-validation-memo";
import { pageSizeProperties } from "./validation/max-page-size.decorator";

/** What validation needs from the request context. */
export interface ValidationContext {
  maxPageSize: number;
}

/** One argument that failed validation, as listed in `extensions.invalidArguments`. */
export interface InvalidArgument {
  /** Path from the field's arguments, e.g. `first` or `filter.assigneeId`. */
  argument: string;
  message: string;
}

/**
 * One broken rule, as listed in `extensions.validationErrors`: every rule an argument
 * breaks is listed, each with the name of its constraint (class-validator's, e.g.
 * `isMongoId`, or the gateway's, e.g. `trimmedLength`, `safeKeys`, `maxPageSize`).
 */
export interface ValidationErrorEntry {
  /** Path from the field's arguments, e.g. `input.title`. */
  path: string;
  constraint: string;
  message: string;
}

/**
 * type-graphql's `validateFn`: first gives an explicit `null` its default (the schema
 * says `first: Int = 20`, and null there means "the default", not "no limit"), then
 * runs the class-validator decorators of argument and input classes (as
 * `validate: true` would), then the MAX_PAGE_SIZE cap, which depends on configuration. Every failure is reported in one BAD_USER_INPUT error whose message
 * names each argument, e.g. `Argument "first" must be at most 100 (MAX_PAGE_SIZE); got 500`;
 * its extensions list them as `invalidArguments` ({argument, message}) and as
 * `validationErrors` ({path, constraint, message}). Mutations take one arguments class
 * (`@Args`), so every rule of every argument is checked in one call and reported at once.
 */
export async function validateArguments(
  value: unknown,
  _type: unknown,
  { context }: ResolverData,
): Promise<void> {
  const { maxPageSize } = context as ValidationContext;
  if (value === null || typeof value !== "object") return;
  const items = Array.isArray(value) ? value : [value];
  const invalid: ValidationErrorEntry[] = [];
  for (const item of items) {
    if (item === null || typeof item !== "object") continue;
    restoreDefaults(item);
    // Argument objects seen before (every node of a page, every poll) are not validated again.
    invalid.push(...(await MEMO.outcome(item, maxPageSize, () => validateItem(item, maxPageSize))));
  }
  if (invalid.length === 0) return;
  const message = invalid.map(({ path, message }) => `Argument "${path}" ${message}`).join("; ");
  throw new BadUserInputError(message, {
    invalidArguments: invalid.map(({ path, message }): InvalidArgument => ({ argument: path, message })),
    validationErrors: invalid,
  });
}

const MEMO = new ArgumentValidationMemo<readonly ValidationErrorEntry[]>();

/** Every rule `item` breaks: its class-validator decorators, then the MAX_PAGE_SIZE cap. */
async function validateItem(item: object, maxPageSize: number): Promise<ValidationErrorEntry[]> {
  // The same options type-graphql uses: absent optional arguments are not checked.
  const errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
  const invalid = flatten(errors, "");
  for (const property of pageSizeProperties(item.constructor)) {
    const first = (item as Record<string, unknown>)[property];
    if (typeof first === "number" && first > maxPageSize) {
      invalid.push({
        path: property,
        constraint: "maxPageSize",
        message: `must be at most ${maxPageSize} (MAX_PAGE_SIZE); got ${first}`,
      });
    }
  }
  return invalid;
}

/** Replaces explicit nulls with the class's initializer value, in nested inputs too. */
function restoreDefaults(instance: object): void {
  // Plain objects (JSONObject values; GraphQL literals even have no prototype) have no defaults.
  if (typeof instance.constructor !== "function" || instance.constructor === Object) return;
  const values = instance as Record<string, unknown>;
  const defaults = new (instance.constructor as new () => Record<string, unknown>)();
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = values[key];
    if (value === null && fallback !== undefined) values[key] = fallback;
    else if (
      value !== null &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      !(value instanceof Date)
    ) {
      restoreDefaults(value);
    }
  }
}

function flatten(errors: readonly ValidationError[], prefix: string): ValidationErrorEntry[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      constraint,
      message: `${message}; got ${describe(error.value)}`,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
