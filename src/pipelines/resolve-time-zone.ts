import { BadUserInputError } from "../errors/gateway-error";

/**
 * Validates a time-zone argument against the IANA database Intl ships and returns its
 * canonical spelling. Intl matches names case-insensitively but MongoDB does not, so
 * passing "europe/berlin" through would fail in the database instead of here; the
 * canonical name (e.g. "Asia/Calcutta" for "Asia/Kolkata", "UTC" for "Etc/UTC") is one
 * MongoDB's time-zone database knows.
 */
export function resolveTimeZone(timeZone: string, argument = "timezone"): string {
  const known = RESOLVED.get(timeZone);
  if (known !== undefined) return known;
  try {
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
    if (RESOLVED.size >= MAX_RESOLVED) RESOLVED.clear();
    RESOLVED.set(timeZone, canonical);
    return canonical;
  } catch {
    throw new BadUserInputError(
      `${argument}: "${timeZone}" is not a known IANA time zone (e.g. "UTC", "Europe/Berlin", "America/New_York")`,
      { argument },
    );
  }
}

/**
 * Names resolved before (building an Intl.DateTimeFormat per request was a measured hot
 * spot of alertTrends: README "Hot path"). Only valid names are kept, at most MAX_RESOLVED
 * spellings (IANA has about 600 zones); unknown names are checked, and refused, every time.
 */
const RESOLVED = new Map<string, string>();
const MAX_RESOLVED = 2_000;
