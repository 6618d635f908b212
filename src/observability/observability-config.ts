/** The trace samplers of OTEL_TRACES_SAMPLER (the OpenTelemetry SDK's standard names). */
export const TRACE_SAMPLERS = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
] as const;
export type TraceSampler = (typeof TRACE_SAMPLERS)[number];

/** Metrics, traces and request logs (src/observability). */
export interface ObservabilityConfig {
  /** METRICS_PORT: serve /metrics on this port only (0: a free one); undefined: not on its own port. */
  metricsPort: number | undefined;
  /** METRICS_TOKEN: /metrics on the public port, behind `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** Distinct operation names kept as metric labels; the rest fold into `other`. */
  maxOperationNames: number;
  /** Requests at or over this many milliseconds are logged at warn with their variables' shape. */
  slowOperationMs: number;
  /** undefined: tracing off (no OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, or OTEL_SDK_DISABLED). */
  tracing: TracingConfig | undefined;
}

export interface TracingConfig {
  /** Where spans are POSTed (OTLP/HTTP, JSON encoding): the full traces URL. */
  tracesEndpoint: string;
  serviceName: string;
  sampler: TraceSampler;
  /** The ratio of the *traceidratio samplers, 0 to 1. */
  samplerRatio: number;
}

/** Metrics are collected only when they can be read (a metrics port or a token). */
export function metricsEnabled(config: ObservabilityConfig): boolean {
  return config.metricsPort !== undefined || config.metricsToken !== undefined;
}

/** The readers of loadConfig: each reports its problem and returns its fallback. */
export interface ConfigReaders {
  read(name: string): string | undefined;
  integer(name: string, fallback: number, min: number, max: number): number;
  boolean(name: string, fallback: boolean): boolean;
  problems: string[];
}

/**
 * The observability variables, read with loadConfig's readers so that their problems
 * are reported with all the others. The OTEL_* names and meanings are OpenTelemetry's
 * (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/).
 */
export function readObservabilityConfig({
  read,
  integer,
  boolean,
  problems,
}: ConfigReaders): ObservabilityConfig {
  const metricsPort = read("METRICS_PORT") === undefined ? undefined : integer("METRICS_PORT", 0, 0, 65_535);
  const metricsToken = read("METRICS_TOKEN");
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,256}$/.test(metricsToken)) {
    problems.push("METRICS_TOKEN must be 16 to 256 visible ASCII characters (no spaces)");
  }

  const url = (name: string): string | undefined => {
    const value = read(name);
    if (value !== undefined && !/^https?:\/\/[^\s/]+/.test(value)) {
      problems.push(`${name} must be an http:// or https:// URL; got "${value}"`);
      return undefined;
    }
    return value;
  };
  const endpoint = url("OTEL_EXPORTER_OTLP_ENDPOINT");
  const tracesEndpoint = url("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const disabled = boolean("OTEL_SDK_DISABLED", false);

  const samplerRaw = read("OTEL_TRACES_SAMPLER")?.toLowerCase() ?? "parentbased_always_on";
  let sampler: TraceSampler = "parentbased_always_on";
  if ((TRACE_SAMPLERS as readonly string[]).includes(samplerRaw)) sampler = samplerRaw as TraceSampler;
  else problems.push(`OTEL_TRACES_SAMPLER must be one of ${TRACE_SAMPLERS.join(", ")}; got "${samplerRaw}"`);
  const ratioRaw = read("OTEL_TRACES_SAMPLER_ARG");
  let samplerRatio = 1;
  if (ratioRaw !== undefined) {
    const ratio = Number(ratioRaw);
    if (!/^\d*\.?\d+$/.test(ratioRaw) || ratio < 0 || ratio > 1) {
      problems.push(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1; got "${ratioRaw}"`);
    } else samplerRatio = ratio;
  }

  // The specification: the signal-specific URL is used as is; the generic one gets /v1/traces.
  const tracesUrl = tracesEndpoint ?? (endpoint ? `${endpoint.replace(/\/+$/, "")}/v1/traces` : undefined);
  return {
    metricsPort,
    metricsToken,
    maxOperationNames: integer("METRICS_MAX_OPERATION_NAMES", 100, 1, 10_000),
    slowOperationMs: integer("SLOW_OPERATION_MS", 1_000, 0, 3_600_000),
    tracing:
      tracesUrl === undefined || disabled
        ? undefined
        : {
            tracesEndpoint: tracesUrl,
            serviceName: read("OTEL_SERVICE_NAME") ?? "jupiter-gateway",
            sampler,
            samplerRatio,
          },
  };
}
