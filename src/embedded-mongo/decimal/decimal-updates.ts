import { numberTagOf } from "../bson/numeric-tags";
import { UnsupportedDecimalError } from "../errors/unsupported-decimal-error";
import type { Doc } from "../storage/doc";
import { decimalAdd, decimalMultiply, decimalOperand } from "./decimal128-arithmetic";

const isDecimal = (v: unknown) => (v as { _bsontype?: string } | null)?._bsontype === "Decimal128";

/** The current value at a plain dotted path, with the double tag of its container. */
function currentAt(doc: Doc, path: string): { value: unknown; double: boolean } {
  let parent: unknown = doc;
  const parts = path.split(".");
  for (const [i, part] of parts.entries()) {
    if (parent === null || typeof parent !== "object") return { value: undefined, double: false };
    const value: unknown = (parent as Record<string, unknown>)[part];
    if (i === parts.length - 1) return { value, double: numberTagOf(parent, part) === "double" };
    parent = value;
  }
  return { value: undefined, double: false };
}

/**
 * Rewrites the `$inc`/`$mul` entries of `modifier` that involve a Decimal128 (the current value or the
 * operand) into `$set` entries computed exactly in decimal128 (mongod's rule: decimal wins, 34 digits,
 * half even). Mingo, which computes with JS numbers, then sees only the `$set`. Doubles (which mongod
 * converts to 15 digits first), NaN, infinities and `$mul` of a missing field stay refused with 238.
 * Positional paths never reach here (guardDecimals refuses them). Mutates `modifier`.
 */
export function rewriteDecimalArithmetic(old: Doc, modifier: Record<string, unknown>): void {
  for (const op of ["$inc", "$mul"] as const) {
    if (!modifier[op]) continue;
    // A copy: the statement's own arguments serve every document of a multi-update.
    const args = { ...(modifier[op] as Record<string, unknown>) };
    modifier[op] = args;
    for (const [path, operand] of Object.entries(args)) {
      const current = currentAt(old, path);
      if (!isDecimal(operand) && !isDecimal(current.value)) continue;
      if (path.split(".").some((p) => p.startsWith("$"))) refuse(op);
      const b = decimalOperand(operand);
      if (!b) refuse(op);
      let result: unknown;
      if (current.value === undefined) {
        if (op === "$mul") refuse(op);
        result = operand;
      } else {
        const a = current.double ? undefined : decimalOperand(current.value);
        if (!a) refuse(op);
        try {
          result = op === "$inc" ? decimalAdd(a, b) : decimalMultiply(a, b);
        } catch {
          refuse(op); // outside decimal128's exponent range
        }
      }
      delete args[path];
      modifier.$set = { ...((modifier.$set as object) ?? {}), [path]: result };
    }
    if (Object.keys(args).length === 0) delete modifier[op];
  }
}

function refuse(op: string): never {
  throw new UnsupportedDecimalError(
    `Decimal128 values in ${op} with a double, NaN, an infinity, a positional path or a missing field ($mul)`,
  );
}
