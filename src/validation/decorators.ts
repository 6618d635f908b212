import { isEmail, IsDefined, registerDecorator, ValidateIf, type ValidationArguments } from "class-validator";
import { plainDocumentProblems, type PlainDocumentProblem } from "./plain-document";
import { tagListProblems, type TagListProblem } from "./tags";
import { EMAIL_MAX_LENGTH } from "./write-limits";

/*
 * class-validator decorators of the write API's inputs. Each failing rule becomes one
 * entry {path, constraint, message} of the BAD_USER_INPUT error (schema/validate-arguments.ts),
 * so every rule gets a constraint name of its own. Messages read as predicates:
 * validateArguments prefixes them with `Argument "<path>"`.
 */

/** A string of `min` to `max` characters once leading and trailing whitespace is trimmed. */
export function TrimmedLength(min: number, max: number): PropertyDecorator {
  return rule("trimmedLength", (value) => {
    if (typeof value !== "string") return "must be a string";
    const length = value.trim().length;
    if (length < min || length > max) {
      return `must be ${min} to ${max} characters long after trimming (it has ${length})`;
    }
    return undefined;
  });
}

/** An e-mail address (checked after trimming and lower-casing), at most EMAIL_MAX_LENGTH characters. */
export function IsEmailAddress(): PropertyDecorator {
  return rule("isEmail", (value) => {
    if (typeof value !== "string") return "must be a string";
    const email = value.trim().toLowerCase();
    if (email.length > EMAIL_MAX_LENGTH) return `must be at most ${EMAIL_MAX_LENGTH} characters long`;
    return isEmail(email) ? undefined : "must be an e-mail address";
  });
}

/** A list of tags: see tagListProblems (no empty tag, none too long, not too many). */
export function IsTagList(): PropertyDecorator {
  const names: TagListProblem["constraint"][] = ["tagNotEmpty", "tagMaxLength", "maxTags"];
  return combine(
    names.map((name) =>
      rule(name, (value) => {
        if (!Array.isArray(value)) return name === "tagNotEmpty" ? "must be a list of strings" : undefined;
        return tagListProblems(value).find((problem) => problem.constraint === name)?.message;
      }),
    ),
  );
}

/** A free-form document (metadata, settings): see plainDocumentProblems. */
export function IsPlainDocument(): PropertyDecorator {
  const names: PlainDocumentProblem["constraint"][] = ["plainObject", "safeKeys", "maxDepth", "maxSize"];
  return combine(
    names.map((name) =>
      rule(
        name,
        (value) => plainDocumentProblems(value).find((problem) => problem.constraint === name)?.message,
      ),
    ),
  );
}

/**
 * An optional field that, when given, must not be null: for updates, where leaving a
 * field out means "unchanged" and null would mean nothing sensible.
 */
export function NotNullWhenGiven(): PropertyDecorator {
  return combine([
    ValidateIf((_object: object, value: unknown) => value !== undefined) as PropertyDecorator,
    IsDefined({ message: "must not be null (leave the field out to keep its value)" }) as PropertyDecorator,
  ]);
}

/** On an input argument: the input sets at least one of `fields` (to a value other than undefined). */
export function SetsAtLeastOneOf(fields: readonly string[]): PropertyDecorator {
  return rule("atLeastOneField", (value) => {
    if (value === null || typeof value !== "object") return undefined;
    const given = fields.some((field) => (value as Record<string, unknown>)[field] !== undefined);
    return given ? undefined : `must set at least one of ${fields.join(", ")}`;
  });
}

/**
 * A custom constraint `name` whose check returns the failure message, or undefined when
 * the value is valid.
 */
function rule(name: string, check: (value: unknown) => string | undefined): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => check(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => check(args?.value) ?? "is invalid",
      },
    });
  };
}

function combine(decorators: readonly PropertyDecorator[]): PropertyDecorator {
  return (target, propertyName) => {
    for (const decorator of decorators) decorator(target, propertyName);
  };
}
