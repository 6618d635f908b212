/**
 * The overhead columns of bench/gateway.bench.ts: the same load against a gateway with
 * metrics on, and one with tracing on at 100% sampling (exporting over OTLP/HTTP to a
 * sink in the gateway's own process, so serialization and export are paid), next to
 * the plain gateway. A gateway child picks its variant from BENCH_OBSERVABILITY.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../../src/config";

export const OBSERVABILITY_VARIANTS = ["metrics", "tracing"] as const;
export type ObservabilityVariant = (typeof OBSERVABILITY_VARIANTS)[number];

/** The variant a gateway child runs (BENCH_OBSERVABILITY), if any. */
export function observabilityVariantOf(env: NodeJS.ProcessEnv): ObservabilityVariant | undefined {
  const value = env.BENCH_OBSERVABILITY;
  return (OBSERVABILITY_VARIANTS as readonly string[]).includes(value ?? "")
    ? (value as ObservabilityVariant)
    : undefined;
}

/**
 * `config` with the variant's observability on. Metrics: collected, readable with a
 * token (never scraped during the run: the cost measured is the recording). Tracing:
 * every request sampled, spans exported to a local OTLP sink that answers 200.
 */
export async function withObservability(
  config: Config,
  variant: ObservabilityVariant | undefined,
): Promise<{ config: Config; stop: () => Promise<void> }> {
  if (variant === "metrics") {
    return {
      config: {
        ...config,
        observability: { ...config.observability, metricsToken: randomBytes(24).toString("hex") },
      },
      stop: async () => undefined,
    };
  }
  if (variant === "tracing") {
    const sink = createServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    const { port } = sink.address() as AddressInfo;
    return {
      config: {
        ...config,
        observability: {
          ...config.observability,
          tracing: {
            tracesEndpoint: `http://127.0.0.1:${port}/v1/traces`,
            serviceName: "jupiter-bench",
            sampler: "always_on",
            samplerRatio: 1,
          },
        },
      },
      stop: () => new Promise<void>((resolve) => sink.close(() => resolve())),
    };
  }
  return { config, stop: async () => undefined };
}

/** Column titles, after the plain gateway's req/s. */
export const OVERHEAD_HEADER = ["metrics req/s", "tracing req/s", "metrics/plain", "tracing/plain"];

/** The cells of one scenario: req/s of each variant and its ratio to the plain gateway. */
export function overheadCells(plainRps: number, metricsRps: number, tracingRps: number): string[] {
  const ratio = (rps: number) => (plainRps > 0 ? `${(rps / plainRps).toFixed(2)}` : "n/a");
  return [metricsRps.toFixed(0), tracingRps.toFixed(0), ratio(metricsRps), ratio(tracingRps)];
}
