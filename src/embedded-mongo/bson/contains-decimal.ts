/** Whether a value is, or a document or array holds at any depth, a Decimal128 (BSON classes other than Decimal128 are leaves). */
export function containsDecimal(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if ((v as { _bsontype?: string })._bsontype === "Decimal128") return true;
  if (Array.isArray(v)) return v.some(containsDecimal);
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v as Record<string, unknown>).some(containsDecimal);
}
