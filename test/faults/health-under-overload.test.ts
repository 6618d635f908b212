import * as net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { type FaultsConfig, loadConfig } from "../../src/config";
import { eventually } from "../helpers/gateway-process";
import { useTestGateway } from "../helpers/use-test-gateway";

/**
 * Health endpoints and /metrics bypass admission control: with every GraphQL slot taken
 * and the queue full, GraphQL requests get 503 OVERLOADED while /healthz, /readyz and
 * /metrics answer. Counts, not timings: requests hold their slots by sending headers and
 * only part of their body (admission runs before the body is read), so the saturation lasts
 * exactly as long as the test wants, on an idle or a loaded machine alike.
 */
const IN_FLIGHT = 3;
const QUEUED = 2;
const METRICS_TOKEN = "token-of-the-health-under-overload-test";

const faults: FaultsConfig = {
  ...loadConfig({}).faults,
  maxInFlightRequests: IN_FLIGHT,
  maxQueuedRequests: QUEUED,
};
const { gateway } = useTestGateway("health-under-overload", {
  gateway: {
    faults,
    observability: { ...loadConfig({}).observability, metricsToken: METRICS_TOKEN },
  },
});

const held: net.Socket[] = [];
afterAll(() => {
  for (const socket of held) socket.destroy();
});

/** A POST /graphql whose body never ends: it takes a slot (or a queue place) and keeps it. */
async function holdSlot(url: string, authorization: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
      `Authorization: ${authorization}\r\nContent-Length: 1000\r\n\r\n{"query":`,
  );
  held.push(socket);
  return socket;
}

async function admissionCounts(
  url: string,
): Promise<{ status: number; inFlight: string | null; queued: string | null }> {
  const response = await fetch(`${url}/healthz`);
  await response.text();
  return {
    status: response.status,
    inFlight: response.headers.get("x-requests-in-flight"),
    queued: response.headers.get("x-requests-queued"),
  };
}

describe("health and metrics endpoints under a saturated admission control", () => {
  it("answer while GraphQL requests get 503 OVERLOADED, and take no slot", async () => {
    for (let i = 0; i < IN_FLIGHT + QUEUED; i++)
      await holdSlot(gateway.url, gateway.authHeaders.authorization!);
    expect(
      await eventually(async () => {
        const counts = await admissionCounts(gateway.url);
        return counts.inFlight === String(IN_FLIGHT) && counts.queued === String(QUEUED);
      }, 30_000),
    ).toBe(true);

    const refused = await gateway.graphql(`{ __typename }`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(["OVERLOADED"]);

    // Many at once: none of them waits for a slot (the held requests never finish).
    const probes = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const path = ["/healthz", "/readyz", "/metrics"][i % 3]!;
        const response = await fetch(`${gateway.url}${path}`, {
          headers: path === "/metrics" ? { authorization: `Bearer ${METRICS_TOKEN}` } : {},
        });
        return { path, status: response.status, body: await response.text() };
      }),
    );
    for (const probe of probes) expect(probe.status, probe.path).toBe(200);
    const metrics = probes.find((probe) => probe.path === "/metrics")!;
    expect(metrics.body).toMatch(/jupiter_graphql_requests_total\{[^}]*outcome="OVERLOADED"[^}]*\} 1/);

    // The probes took no slot and no queue place: the counts are those of the held requests.
    expect(await admissionCounts(gateway.url)).toEqual({
      status: 200,
      inFlight: String(IN_FLIGHT),
      queued: String(QUEUED),
    });

    // Released, the slots come back and GraphQL is served again.
    for (const socket of held.splice(0)) socket.destroy();
    expect(
      await eventually(async () => {
        const counts = await admissionCounts(gateway.url);
        return counts.inFlight === "0" && counts.queued === "0";
      }, 30_000),
    ).toBe(true);
    const served = await gateway.graphql(`{ __typename }`);
    expect(served.status).toBe(200);
    expect(served.data).toEqual({ __typename: "Query" });
  });
});
