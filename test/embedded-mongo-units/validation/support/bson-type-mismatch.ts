/**
 * mongod's error detail for a value whose type a `bsonType` rule does not allow, written out by
 * hand from the server's documented format (not from the engine).
 */
export function bsonTypeMismatch(
  bsonType: string | string[],
  consideredValue: unknown,
  consideredType: string,
): Record<string, unknown> {
  return {
    operatorName: "bsonType",
    specifiedAs: { bsonType },
    reason: "type did not match",
    consideredValue,
    consideredType,
  };
}
