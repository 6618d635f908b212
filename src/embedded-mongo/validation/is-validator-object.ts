/**
 * An object of a validator or a `$jsonSchema` (a sub-document), as opposed to an array,
 * a date, a regular expression or a BSON value class.
 */
export const isValidatorObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  value !== null &&
  typeof value === "object" &&
  !Array.isArray(value) &&
  !("_bsontype" in value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp);
