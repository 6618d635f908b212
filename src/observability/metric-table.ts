import type {
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
} from "prom-client";
import type { MetricsRegistrar } from "./metrics-registrar";

/** One metric of a table, registered by registerMetrics under its key. */
export interface MetricDeclaration<TMetric> {
  register(registrar: MetricsRegistrar): TMetric;
}

/** A table of metrics: the key is what code calls the metric, the declaration what /metrics shows. */
export type MetricTable = Readonly<Record<string, MetricDeclaration<unknown>>>;

/** The metrics of a table once registered, under the table's keys. */
export type RegisteredMetrics<T extends MetricTable> = {
  readonly [K in keyof T]: T[K] extends MetricDeclaration<infer TMetric> ? TMetric : never;
};

/** Each kind of metric: its prom-client configuration and the metric it gives. */
interface MetricKinds<T extends string> {
  counter: { configuration: CounterConfiguration<T>; metric: Counter<T> };
  gauge: { configuration: GaugeConfiguration<T>; metric: Gauge<T> };
  histogram: { configuration: HistogramConfiguration<T>; metric: Histogram<T> };
}

/** What a declaration says besides its name and labels: the help text and, for a histogram, its buckets. */
type Options<TConfiguration> = Omit<TConfiguration, "name" | "labelNames" | "registers">;

/** The declaration function of one kind: `(name without the jupiter_ prefix, labelNames, { help, … })`. */
function declarationOf<K extends keyof MetricKinds<string>>(kind: K) {
  return <T extends string>(
    name: string,
    labelNames: readonly T[],
    options: Options<MetricKinds<T>[K]["configuration"]>,
  ): MetricDeclaration<MetricKinds<T>[K]["metric"]> => ({
    // The registrar's three methods differ only in their types, which `kind` ties together.
    register: (registrar) =>
      (registrar[kind] as (settings: object) => MetricKinds<T>[K]["metric"])({
        ...options,
        name,
        labelNames,
      }),
  });
}

export const counter = declarationOf("counter");
export const gauge = declarationOf("gauge");
export const histogram = declarationOf("histogram");

/** Registers every metric of `table` with `registrar`; each is found under its key. */
export function registerMetrics<T extends MetricTable>(
  registrar: MetricsRegistrar,
  table: T,
): RegisteredMetrics<T> {
  return Object.fromEntries(
    Object.entries(table).map(([key, declaration]) => [key, declaration.register(registrar)]),
  ) as RegisteredMetrics<T>;
}

/**
 * A base class whose instances carry every metric of `table` as a property, registered with
 * the registrar its constructor is given (type-graphql's generic-types pattern, for metrics).
 */
export function metricSet<T extends MetricTable>(table: T) {
  return class {
    constructor(registrar: MetricsRegistrar) {
      Object.assign(this, registerMetrics(registrar, table));
    }
  } as unknown as new (registrar: MetricsRegistrar) => RegisteredMetrics<T>;
}
