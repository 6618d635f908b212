import { context, propagation, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  type SpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { TracingConfig } from "./observability-config";

/** The instrumentation scope of the gateway's spans. */
export const TRACER_NAME = "jupiter-gateway";

/** The tracing of one gateway: its own provider (never the global one) and its tracer. */
export interface GatewayTracing {
  tracer: Tracer;
  /** Exports what is buffered and stops the provider. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing: a provider with the configured sampler and service name, exporting
 * over OTLP/HTTP (the exporter also reads OTEL_EXPORTER_OTLP_[TRACES_]HEADERS and
 * _TIMEOUT itself) unless `spanProcessor` replaces the export (tests pass an in-memory
 * exporter). Also installs, once per process, what spans need to find their parent: an
 * AsyncLocalStorage context manager and the W3C trace-context propagator.
 */
export function startGatewayTracing(config: TracingConfig, spanProcessor?: SpanProcessor): GatewayTracing {
  installContextPropagation();
  const provider = new TracerProvider({
    sampler: samplerOf(config),
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    spanProcessors: [
      spanProcessor ??
        new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.tracesEndpoint }) }),
    ],
  });
  return { tracer: provider.getTracer(TRACER_NAME), shutdown: () => provider.shutdown() };
}

/** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, as the SDK specification defines them. */
export function samplerOf({
  sampler,
  samplerRatio,
}: Pick<TracingConfig, "sampler" | "samplerRatio">): Sampler {
  switch (sampler) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "traceidratio":
      return new TraceIdRatioBasedSampler(samplerRatio);
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(samplerRatio) });
  }
}

let installed = false;

function installContextPropagation(): void {
  if (installed) return;
  installed = true;
  // Each returns false when something else registered one first; theirs is kept.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}
