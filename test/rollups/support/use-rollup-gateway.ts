import { loadConfig } from "../../../src/config";
import { ManualClock } from "../../helpers/manual-clock";
import {
  type GatewayFixture,
  type GatewayFixtureOptions,
  useTestGateway,
} from "../../helpers/use-test-gateway";

export interface RollupGatewayFixture extends GatewayFixture {
  /** Drives the gateway's rollup refresh: `advance(0)` runs the first one. */
  clock: ManualClock;
  /** The instant the metrics take as now (with `controlsNow`; the real time otherwise). */
  setNow(at: Date): void;
}

/**
 * A test gateway with rollups on (a refresh every 30 s of `clock`, the given lookback) and no
 * cost limit in the way of large metric queries; with `controlsNow`, the metrics' "now" is
 * the test's (`setNow`, initially `refreshAt`).
 */
export function useRollupGateway(
  label: string,
  options: {
    seed: GatewayFixtureOptions["seed"];
    refreshAt: number;
    lookbackMs?: number;
    controlsNow?: boolean;
  },
): RollupGatewayFixture {
  const clock = new ManualClock(options.refreshAt);
  let now = new Date(options.refreshAt);
  const fixture = useTestGateway(label, {
    seed: options.seed,
    gateway: {
      ...(options.controlsNow ? { metrics: { ...loadConfig({}).metrics, now: () => now } } : {}),
      protections: { maxCost: 1_000_000 },
      rollups: { enabled: true, refreshSeconds: 30, lookbackMs: options.lookbackMs ?? 48 * 3_600_000, clock },
    },
  });
  return Object.assign(fixture, { clock, setNow: (at: Date) => void (now = at) });
}
