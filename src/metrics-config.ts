import { Severity } from "../schema/enums/severity.enum";

/** Settings of the metrics API (alertMetrics, caseMetrics, caseBacklog). */
export interface MetricsConfig {
  /** SLA_TARGETS: the resolution-time target of each severity, in milliseconds. */
  slaTargetsMs: Readonly<Record<Severity, number>>;
  /** MAX_METRIC_ROWS: the most rows one metrics answer may have. */
  maxMetricRows: number;
  /**
   * The clock relative ranges and default ranges are taken from. Not read from the
   * environment: tests inject a fixed "now". Default: the current time.
   */
  now?: () => Date;
}

export const DEFAULT_SLA_TARGETS = "critical=4h,high=24h,medium=72h,low=7d";
export const DEFAULT_MAX_METRIC_ROWS = 10_000;

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses SLA_TARGETS (`critical=4h,high=24h,medium=72h,low=7d`: every severity once, a
 * whole number of minutes, hours or days) and MAX_METRIC_ROWS, adding every problem to
 * `problems` as src/config.ts does.
 */
export function parseMetricsConfig(
  read: (name: string) => string | undefined,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
): MetricsConfig {
  const raw = read("SLA_TARGETS") ?? DEFAULT_SLA_TARGETS;
  const parsed = parseSlaTargets(raw);
  if (typeof parsed === "string") problems.push(`SLA_TARGETS ${parsed}; got "${raw}"`);
  return {
    slaTargetsMs:
      typeof parsed === "string"
        ? (parseSlaTargets(DEFAULT_SLA_TARGETS) as Record<Severity, number>)
        : parsed,
    maxMetricRows: integer("MAX_METRIC_ROWS", DEFAULT_MAX_METRIC_ROWS, 1, 1_000_000),
  };
}

/** The targets, or what is wrong with them. */
export function parseSlaTargets(raw: string): Record<Severity, number> | string {
  const severities = Object.values(Severity) as string[];
  const targets: Partial<Record<Severity, number>> = {};
  for (const entry of raw.split(",").map((part) => part.trim())) {
    const match = /^([a-z]+)=(\d{1,6})([mhd])$/i.exec(entry);
    if (!match) return `must list severity=duration pairs such as critical=4h,high=24h,medium=72h,low=7d`;
    const severity = match[1]!.toLowerCase();
    if (!severities.includes(severity))
      return `names an unknown severity "${match[1]}" (${severities.join(", ")})`;
    if (targets[severity as Severity] !== undefined) return `names ${severity} twice`;
    const ms = Number(match[2]) * UNIT_MS[match[3]!.toLowerCase()]!;
    if (ms <= 0) return `needs a positive duration for ${severity}`;
    targets[severity as Severity] = ms;
  }
  const missing = severities.filter((severity) => targets[severity as Severity] === undefined);
  if (missing.length > 0) return `must give a target for every severity; missing ${missing.join(", ")}`;
  return targets as Record<Severity, number>;
}

/** The defaults, for code that builds repositories without a parsed configuration. */
export function defaultMetricsConfig(): MetricsConfig {
  return {
    slaTargetsMs: parseSlaTargets(DEFAULT_SLA_TARGETS) as Record<Severity, number>,
    maxMetricRows: DEFAULT_MAX_METRIC_ROWS,
  };
}
