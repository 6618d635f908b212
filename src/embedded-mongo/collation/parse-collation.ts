import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";
import type { Collation } from "./collation";

/** The options mongod 7.0 fills in, in its order, with their defaults (ICU 57.1 as mongod ships). */
const DEFAULTS = {
  caseLevel: false,
  caseFirst: "off",
  strength: 3,
  numericOrdering: false,
  alternate: "non-ignorable",
  maxVariable: "punct",
  normalization: false,
  backwards: false,
} as const;

const KNOWN = new Set(["locale", "version", ...Object.keys(DEFAULTS)]);
const cache = new Map<string, Collation>();

/**
 * Parses a `collation` option as mongod does: undefined or `{locale: "simple"}` is the binary
 * collation (null); otherwise the locale must be one ICU knows. Options Intl.Collator cannot
 * express (strength 4 and 5, `backwards`, `maxVariable: "space"`, `caseLevel` at strength 2,
 * `normalization`) are refused with code 238 naming them instead of being approximated.
 */
export function parseCollation(raw: unknown): Collation | null {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) {
    throw new CommandError(14, "BSON field 'collation' is the wrong type, expected type 'object'");
  }
  for (const field of Object.keys(raw)) {
    if (!KNOWN.has(field))
      throw new CommandError(40415, `BSON field 'collation.${field}' is an unknown field.`);
  }
  if (raw.locale === undefined) {
    throw new CommandError(40414, "BSON field 'collation.locale' is missing but a required field");
  }
  if (typeof raw.locale !== "string") {
    throw new CommandError(14, "BSON field 'collation.locale' is the wrong type, expected type 'string'");
  }
  if (raw.locale === "simple") {
    const others = Object.keys(raw).filter((k) => k !== "locale");
    if (others.length > 0) {
      throw new CommandError(
        51012,
        `Collation for locale "simple" cannot have other options: ${others.join(", ")}`,
      );
    }
    return null;
  }
  const spec = fill(raw);
  const key = JSON.stringify(spec);
  let found = cache.get(key);
  if (!found) {
    found = { spec, key, compare: makeComparator(spec) };
    cache.set(key, found);
  }
  return found;
}

function fill(raw: Record<string, unknown>): Record<string, unknown> {
  const locale = raw.locale as string;
  const icuLocale = locale.replace(/_/g, "-");
  if (locale === "" || !isSupportedLocale(icuLocale)) {
    throw new CommandError(2, `Field 'locale' is invalid in: ${JSON.stringify({ locale })}`);
  }
  const spec: Record<string, unknown> = { locale };
  for (const [name, fallback] of Object.entries(DEFAULTS)) {
    const value = raw[name] ?? fallback;
    if (typeof value !== typeof fallback) {
      throw new CommandError(
        14,
        `BSON field 'collation.${name}' is the wrong type, expected type '${typeof fallback === "number" ? "int" : typeof fallback === "boolean" ? "bool" : "string"}'`,
      );
    }
    spec[name] = typeof fallback === "number" ? Number(value) : value;
  }
  const strength = spec.strength as number;
  if (!Number.isInteger(strength) || strength < 1 || strength > 5) {
    throw new CommandError(2, `Field 'strength' must be an integer 1 through 5. Got: ${strength}`);
  }
  if (!["off", "upper", "lower"].includes(spec.caseFirst as string)) {
    throw new CommandError(2, `Field 'caseFirst' must be 'upper', 'lower', or 'off'. Got: ${spec.caseFirst}`);
  }
  if (!["non-ignorable", "shifted"].includes(spec.alternate as string)) {
    throw new CommandError(
      2,
      `Field 'alternate' must be 'non-ignorable' or 'shifted'. Got: ${spec.alternate}`,
    );
  }
  if (!["punct", "space"].includes(spec.maxVariable as string)) {
    throw new CommandError(2, `Field 'maxVariable' must be 'punct' or 'space'. Got: ${spec.maxVariable}`);
  }
  refuseInexpressible(spec);
  spec.version = "57.1";
  return spec;
}

function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.Collator.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

function refuseInexpressible(spec: Record<string, unknown>): void {
  const unsupported = (what: string) =>
    new CommandError(238, `the embedded engine does not support the collation option ${what}`);
  if ((spec.strength as number) > 3) throw unsupported(`strength ${spec.strength}`);
  if (spec.caseLevel === true && spec.strength !== 1) throw unsupported("caseLevel with strength 2 or 3");
  if (spec.backwards === true) throw unsupported("backwards: true");
  if (spec.normalization === true) throw unsupported("normalization: true");
  if (spec.alternate === "shifted" && spec.maxVariable === "space") throw unsupported('maxVariable: "space"');
}

/**
 * ICU strength 1 = base letters, 2 = + accents, 3 = + case; caseLevel at strength 1 adds case;
 * `alternate: "shifted"` (maxVariable punct) ignores spaces and punctuation.
 */
function makeComparator(spec: Record<string, unknown>): (a: string, b: string) => number {
  const strength = spec.strength as number;
  const sensitivity: Intl.CollatorOptions["sensitivity"] =
    strength === 1 ? (spec.caseLevel ? "case" : "base") : strength === 2 ? "accent" : "variant";
  const caseFirst = spec.caseFirst === "off" ? "false" : (spec.caseFirst as "upper" | "lower");
  const collator = new Intl.Collator((spec.locale as string).replace(/_/g, "-"), {
    usage: "sort",
    sensitivity,
    caseFirst,
    numeric: spec.numericOrdering === true,
    ignorePunctuation: spec.alternate === "shifted",
  });
  return collator.compare;
}
