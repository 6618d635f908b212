import { BadUserInputError } from "../errors/gateway-error";

/**
 * Validates a time-zone argument against the IANA database Intl ships and returns its
 * canonical spelling. Intl matches names case-insensitively but MongoDB does not, so
 * passing "europe/berlin" through would fail in the database instead of here; the
 * canonical name (e.g. "Asia/Calcutta" for "Asia/Kolkata", "UTC" for "Etc/UTC") is one
 * MongoDB's time-zone database knows.
 */
export function resolveTimeZone(timeZone: string, argument = "timezone"): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new BadUserInputError(
      `${argument}: "${timeZone}" is not a known IANA time zone (e.g. "UTC", "Europe/Berlin", "America/New_York")`,
      { argument },
    );
  }
}
