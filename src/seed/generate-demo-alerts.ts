import type { ObjectId } from "mongodb";
import { CaseStatus } from "../domain/case-status.enum";
import { Severity } from "../domain/severity.enum";
import type { AlertDocument } from "../db/alert.document";
import type { CaseDocument } from "../db/case.document";
import { DEMO_VOCABULARY as V } from "./demo-vocabulary";
import { randomInstant } from "./random-instant";
import type { SeededRandom } from "./seeded-random";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** What an alert needs to know of the case it belongs to. */
export type DemoCaseRef = Pick<CaseDocument, "_id" | "created_at" | "resolved_at" | "severity" | "status">;

export interface DemoAlertsOptions {
  count: number;
  /** Cases alerts may link to; with none, every alert is unlinked. */
  cases: readonly DemoCaseRef[];
  /** Share of alerts linked to a case (0.7). */
  linkedShare: number;
  /** Alerts fire in [windowStart, now). */
  windowStart: Date;
  now: Date;
}

type AlertType = (typeof V.alertTypes)[number];
type AlertSource = (typeof V.alertSources)[number];

const TYPE_WEIGHTS: Readonly<Record<AlertType, number>> = {
  cpu: 22,
  memory: 18,
  disk: 12,
  network: 16,
  auth: 12,
  latency: 20,
};

/** Which monitoring tools raise which kind of alert. */
const SOURCES_BY_TYPE: Readonly<Record<AlertType, Readonly<Partial<Record<AlertSource, number>>>>> = {
  cpu: { prometheus: 45, datadog: 35, cloudwatch: 20 },
  memory: { prometheus: 45, datadog: 35, cloudwatch: 20 },
  disk: { prometheus: 40, datadog: 30, cloudwatch: 30 },
  network: { datadog: 40, cloudwatch: 35, pagerduty: 25 },
  auth: { sentry: 45, cloudwatch: 30, pagerduty: 25 },
  latency: { datadog: 40, prometheus: 25, sentry: 20, pagerduty: 15 },
};

const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  [Severity.CRITICAL]: 6,
  [Severity.HIGH]: 20,
  [Severity.MEDIUM]: 38,
  [Severity.LOW]: 36,
};

/**
 * Demo alerts, one at a time. A linked alert fires around its case's life (from a little
 * before creation until resolution) with a similar severity, and is mostly resolved when
 * its case is; an unlinked one fires anywhere in the window with a daily rhythm.
 */
export function* generateDemoAlerts(
  random: SeededRandom,
  options: DemoAlertsOptions,
): Generator<AlertDocument> {
  const { now, windowStart } = options;
  for (let i = 0; i < options.count; i++) {
    const linked =
      options.cases.length > 0 && random.chance(options.linkedShare) ? random.pick(options.cases) : null;
    let timestamp: Date;
    let severity: Severity;
    let resolved: boolean;
    let caseId: ObjectId | null = null;
    if (linked) {
      caseId = linked._id;
      const start = Math.max(windowStart.getTime(), linked.created_at.getTime() - 30 * MINUTE_MS);
      const end = Math.min(now.getTime(), (linked.resolved_at ?? now).getTime(), start + 12 * HOUR_MS);
      timestamp = new Date(end > start ? random.between(start, end) : start);
      severity = random.chance(0.65) ? linked.severity : random.weighted(SEVERITY_WEIGHTS);
      const caseDone = linked.status === CaseStatus.RESOLVED || linked.status === CaseStatus.CLOSED;
      resolved = random.chance(caseDone ? 0.96 : 0.15);
    } else {
      timestamp = randomInstant(random, windowStart, now);
      severity = random.weighted(SEVERITY_WEIGHTS);
      resolved = random.chance(0.65);
    }
    const type = random.weighted(TYPE_WEIGHTS);
    yield {
      _id: random.objectId(timestamp),
      type,
      source: random.weighted(SOURCES_BY_TYPE[type] as Record<AlertSource, number>),
      severity,
      message: alertMessage(random, type),
      timestamp,
      case_id: caseId,
      resolved,
      resolution: resolved ? random.pick(V.alertResolutions) : null,
    };
  }
}

function alertMessage(random: SeededRandom, type: AlertType): string {
  const service = random.pick(V.services);
  const host = `${service}-${random.int(1, 12)}`;
  const region = random.pick(V.regions);
  switch (type) {
    case "cpu": {
      const threshold = random.pick([80, 85, 90]);
      return random.chance(0.7)
        ? `CPU usage ${random.int(threshold, 100)}% on ${host} exceeds threshold ${threshold}%`
        : `CPU throttling on ${service} pods in ${region} (${random.int(20, 90)}% of periods throttled)`;
    }
    case "memory":
      return random.chance(0.6)
        ? `Memory usage ${random.int(85, 99)}% on ${host} (${random.int(14, 31)} GiB of 32 GiB)`
        : `OOMKilled: container ${service} restarted ${random.int(2, 9)} times in 10 minutes`;
    case "disk":
      return random.chance(0.7)
        ? `Disk usage ${random.int(85, 100)}% on ${random.pick(V.mountPoints)} of ${host}`
        : `Disk I/O wait ${random.int(30, 80)}% on ${host}, volume latency ${random.int(50, 900)} ms`;
    case "network":
      return random.chance(0.5)
        ? `Packet loss ${random.int(2, 40)}% between ${region} and ${random.pick(V.regions)}`
        : `DNS lookup failures for ${service}.internal (${random.int(5, 500)}/min)`;
    case "auth":
      return random.chance(0.6)
        ? `${random.int(20, 900)} failed login attempts from 203.0.113.${random.int(1, 254)} in 5 minutes`
        : `Token validation errors on ${service} (${random.int(10, 300)}/min), possible clock skew or key rotation`;
    case "latency": {
      const slo = random.pick([200, 300, 500, 800]);
      return `p99 latency ${random.int(slo + 1, slo * 6)} ms on ${service} in ${region} (SLO ${slo} ms)`;
    }
  }
}
