import { expect } from "vitest";
import type { TestGateway } from "../../helpers/test-gateway";

/** An alert to create: the rollup tests vary its type, severity and time; the rest is fixed. */
export interface GatewayAlert {
  type: string;
  /** A Severity name as the API spells it (`CRITICAL`). */
  severity: string;
  timestamp: Date | string;
}

/**
 * Creates an alert through the gateway's createAlert, the write path that marks the rollup's
 * buckets dirty (an insert through the driver would not), fails the test on any error and
 * returns the new alert's id.
 */
export async function createAlertThroughGateway(gateway: TestGateway, alert: GatewayAlert): Promise<string> {
  const result = await gateway.graphql(
    `mutation C($input: CreateAlertInput!) { createAlert(input: $input) { id } }`,
    { input: { ...alert, source: "grafana", message: "via the gateway" } },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.createAlert.id as string;
}

/** Resolves the alert `id` through the gateway's resolveAlert; fails the test on any error. */
export async function resolveAlertThroughGateway(gateway: TestGateway, id: string): Promise<void> {
  const result = await gateway.graphql(
    `mutation R($id: ID!) { resolveAlert(id: $id, resolution: "done") { id } }`,
    { id },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
}
