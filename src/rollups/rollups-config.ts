import { parseDuration } from "../operations/parse-duration";
import type { LiveClock } from "../live/live-clock";

/** Settings of the alert rollups (src/rollups, README "Rollups"). */
export interface RollupsConfig {
  /** ROLLUPS: `on` (default) maintains and reads alert_rollups; `off` answers every query live. */
  enabled: boolean;
  /** ROLLUP_REFRESH_SECONDS: period of the gateway's refresh (default 30). */
  refreshSeconds: number;
  /** ROLLUP_LOOKBACK: how far behind the watermark each refresh recomputes (default 48h). */
  lookbackMs: number;
  /**
   * The clock of the refresh (its "now" and its timer). Not read from the environment:
   * tests inject one to refresh without waiting. Default: the system clock, timers unref'd.
   */
  clock?: LiveClock;
  /** Test hook: runs once a refresh holds the lease, before it recomputes anything. */
  afterLease?: () => Promise<void>;
}

export const DEFAULT_ROLLUP_REFRESH_SECONDS = 30;
export const DEFAULT_ROLLUP_LOOKBACK = "48h";
const ROLLUP_SWITCH = ["on", "off"] as const;

/** Parses ROLLUPS, ROLLUP_REFRESH_SECONDS and ROLLUP_LOOKBACK, adding problems as src/config.ts does. */
export function parseRollupsConfig(
  read: (name: string) => string | undefined,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
): RollupsConfig {
  const rawSwitch = read("ROLLUPS")?.toLowerCase() ?? "on";
  if (!(ROLLUP_SWITCH as readonly string[]).includes(rawSwitch)) {
    problems.push(`ROLLUPS must be one of on, off; got "${read("ROLLUPS")}"`);
  }
  const rawLookback = read("ROLLUP_LOOKBACK") ?? DEFAULT_ROLLUP_LOOKBACK;
  let lookbackMs = parseDuration(DEFAULT_ROLLUP_LOOKBACK);
  try {
    lookbackMs = parseDuration(rawLookback);
    if (lookbackMs < 900_000 || lookbackMs > 366 * 86_400_000) {
      problems.push(`ROLLUP_LOOKBACK must be from 15m to 366d; got "${rawLookback}"`);
      lookbackMs = parseDuration(DEFAULT_ROLLUP_LOOKBACK);
    }
  } catch {
    problems.push(`ROLLUP_LOOKBACK must be a duration such as 48h, 2d or 90m; got "${rawLookback}"`);
  }
  return {
    enabled: rawSwitch !== "off",
    refreshSeconds: integer("ROLLUP_REFRESH_SECONDS", DEFAULT_ROLLUP_REFRESH_SECONDS, 1, 86_400),
    lookbackMs,
  };
}

/** The defaults, for code that builds repositories without a parsed configuration. */
export function defaultRollupsConfig(): RollupsConfig {
  return {
    enabled: true,
    refreshSeconds: DEFAULT_ROLLUP_REFRESH_SECONDS,
    lookbackMs: parseDuration(DEFAULT_ROLLUP_LOOKBACK),
  };
}
