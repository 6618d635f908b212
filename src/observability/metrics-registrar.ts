import {
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  type Registry,
} from "prom-client";

/** Every metric of the gateway starts with this prefix. */
export const METRIC_PREFIX = "jupiter_";

/** A metric's settings without its registry: the registrar chooses it. */
type Settings<T> = Omit<T, "registers" | "name"> & {
  /** Without the `jupiter_` prefix, snake_case, with its unit (`_seconds`, `_bytes`, `_total`). */
  name: string;
};

/**
 * How the gateway's parts register metrics (the response cache, rollups, subscriptions,
 * as they land): `registrar.counter({ name: "cache_hits_total", help: "…" })` gives a
 * prom-client Counter exported on /metrics as `jupiter_cache_hits_total`. When metrics
 * are off the metric still works but is registered nowhere, so callers never check.
 * Register each metric once per gateway (prom-client refuses a second one of the same
 * name). The names the issue (#16) expects: `cache_hits_total`, `cache_misses_total`,
 * `cache_evictions_total`, `cache_bytes`; `rollup_watermark_lag_seconds`,
 * `rollup_refresh_duration_seconds`; `subscriptions_active`, `live_recomputations_total`.
 * Labels must be bounded: never a client-chosen string.
 */
export interface MetricsRegistrar {
  counter<T extends string>(settings: Settings<CounterConfiguration<T>>): Counter<T>;
  gauge<T extends string>(settings: Settings<GaugeConfiguration<T>>): Gauge<T>;
  histogram<T extends string>(settings: Settings<HistogramConfiguration<T>>): Histogram<T>;
}

/** A registrar over `registry`, or over none (metrics off) when it is undefined. */
export function createMetricsRegistrar(registry: Registry | undefined): MetricsRegistrar {
  const registers = registry ? [registry] : [];
  const named = <T extends { name: string }>(settings: T) => ({
    ...settings,
    name: `${METRIC_PREFIX}${settings.name}`,
    registers,
  });
  return {
    counter: (settings) => new Counter(named(settings)),
    gauge: (settings) => new Gauge(named(settings)),
    histogram: (settings) => new Histogram(named(settings)),
  };
}
