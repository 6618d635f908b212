import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { expectConfigProblems } from "../helpers/expect-config-problems";

// Configuration is parsed before any database exists, so this file needs none.

describe("observability configuration", () => {
  it("has safe defaults: no metrics endpoint, no tracing, SLOW_OPERATION_MS 1000", () => {
    expect(loadConfig({}).observability).toEqual({
      metricsPort: undefined,
      metricsToken: undefined,
      maxOperationNames: 100,
      slowOperationMs: 1000,
      tracing: undefined,
    });
  });

  it("reads every variable, the OTEL_* ones as OpenTelemetry defines them", () => {
    const config = loadConfig({
      METRICS_PORT: "9464",
      METRICS_TOKEN: "0123456789abcdef0123",
      METRICS_MAX_OPERATION_NAMES: "25",
      SLOW_OPERATION_MS: "250",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/",
      OTEL_SERVICE_NAME: "gateway-eu",
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0.25",
    });
    expect(config.observability).toEqual({
      metricsPort: 9464,
      metricsToken: "0123456789abcdef0123",
      maxOperationNames: 25,
      slowOperationMs: 250,
      tracing: {
        tracesEndpoint: "http://collector:4318/v1/traces",
        serviceName: "gateway-eu",
        sampler: "parentbased_traceidratio",
        samplerRatio: 0.25,
      },
    });
    // The signal-specific URL is used as is; OTEL_SDK_DISABLED wins over both.
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://traces.example/otlp",
      }).observability.tracing?.tracesEndpoint,
    ).toBe("https://traces.example/otlp");
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" })
        .observability.tracing,
    ).toBeUndefined();
  });

  it("reports every bad value together, each naming its variable", () => {
    const env = {
      METRICS_PORT: "70000",
      METRICS_TOKEN: "short",
      METRICS_MAX_OPERATION_NAMES: "0",
      SLOW_OPERATION_MS: "-1",
      OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318",
      OTEL_TRACES_SAMPLER: "sometimes",
      OTEL_TRACES_SAMPLER_ARG: "1.5",
      OTEL_SDK_DISABLED: "maybe",
      PORT: "abc",
    };
    const { problems } = expectConfigProblems(env);
    expect(problems).toHaveLength(Object.keys(env).length);
    // The token is a secret: a problem never repeats it.
    expect(problems.join("\n")).not.toContain("short");
  });
});
