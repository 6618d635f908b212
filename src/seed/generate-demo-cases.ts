import type { ObjectId } from "mongodb";
import { CaseStatus } from "../domain/case-status.enum";
import { Priority } from "../domain/priority.enum";
import { Severity } from "../domain/severity.enum";
import { UserRole } from "../domain/user-role.enum";
import type { CaseDocument } from "../db/case.document";
import type { UserDocument } from "../db/user.document";
import { DEMO_VOCABULARY as V } from "./demo-vocabulary";
import { randomInstant } from "./random-instant";
import type { SeededRandom } from "./seeded-random";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface DemoCasesOptions {
  count: number;
  /** Who may be assigned; an empty list leaves every case unassigned. */
  users: readonly Pick<UserDocument, "_id" | "role">[];
  /** Cases are created in [windowStart, now). */
  windowStart: Date;
  now: Date;
}

const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  [Severity.CRITICAL]: 8,
  [Severity.HIGH]: 22,
  [Severity.MEDIUM]: 40,
  [Severity.LOW]: 30,
};

/** Typical time to resolve by severity: critical incidents get everyone's attention. */
const MEDIAN_RESOLUTION_HOURS: Readonly<Record<Severity, number>> = {
  [Severity.CRITICAL]: 3,
  [Severity.HIGH]: 9,
  [Severity.MEDIUM]: 28,
  [Severity.LOW]: 70,
};

const PRIORITY_LADDER: readonly Priority[] = [
  Priority.LOW,
  Priority.MEDIUM,
  Priority.HIGH,
  Priority.CRITICAL,
];
const SEVERITY_LADDER: readonly Severity[] = [
  Severity.LOW,
  Severity.MEDIUM,
  Severity.HIGH,
  Severity.CRITICAL,
];

/**
 * Demo cases, one at a time so that any number can be streamed into batches. The
 * status follows from age: a case whose (log-normal) time to resolve has passed is
 * mostly resolved or closed, with resolved_at after created_at and never in the future;
 * younger ones are open or in progress. Some open and a few resolved cases have no assignee.
 */
export function* generateDemoCases(random: SeededRandom, options: DemoCasesOptions): Generator<CaseDocument> {
  const { now, windowStart } = options;
  // Viewers do not work cases.
  const workers = options.users.filter((user) => user.role !== UserRole.VIEWER).map((user) => user._id);
  const assignable = workers.length > 0 ? workers : options.users.map((user) => user._id);

  for (let i = 0; i < options.count; i++) {
    const createdAt = randomInstant(random, windowStart, now);
    const severity = random.weighted(SEVERITY_WEIGHTS);
    const theme = random.pick(V.themes);
    const service = random.pick(V.services);
    const region = random.pick(V.regions);
    const symptom = random.pick(theme.symptoms);

    const resolutionMs = Math.max(
      5 * MINUTE_MS,
      random.logNormal(MEDIAN_RESOLUTION_HOURS[severity], 1) * HOUR_MS,
    );
    const resolvable = createdAt.getTime() + resolutionMs < now.getTime() && random.chance(0.85);
    let status: CaseStatus;
    let resolvedAt: Date | null = null;
    let updatedAt: Date;
    if (resolvable) {
      resolvedAt = new Date(createdAt.getTime() + resolutionMs);
      const closedAt = resolvedAt.getTime() + random.logNormal(20, 1) * HOUR_MS;
      if (closedAt < now.getTime() && random.chance(0.7)) {
        status = CaseStatus.CLOSED;
        updatedAt = new Date(closedAt);
      } else {
        status = CaseStatus.RESOLVED;
        updatedAt = resolvedAt;
      }
    } else {
      status = random.chance(0.55) ? CaseStatus.IN_PROGRESS : CaseStatus.OPEN;
      updatedAt = new Date(random.between(createdAt.getTime(), now.getTime()));
    }

    const unassignedChance = status === CaseStatus.OPEN ? 0.4 : status === CaseStatus.IN_PROGRESS ? 0 : 0.05;
    const assignee: ObjectId | null =
      assignable.length > 0 && !random.chance(unassignedChance) ? random.pick(assignable) : null;

    const tags = new Set<string>(theme.tags);
    for (const tag of random.sample(V.extraTags, random.int(0, 3))) tags.add(tag);
    if (severity === Severity.CRITICAL) tags.add("on-call");

    const affectedUsers = random.int(1, 40) * (severity === Severity.CRITICAL ? 500 : 20);
    const fill = (text: string) =>
      text
        .replace("{n}", String(affectedUsers))
        .replace("{region}", region)
        .replace("{service}", service)
        .replace(
          "{time}",
          `${String(random.int(0, 23)).padStart(2, "0")}:${random.pick(["00", "15", "30", "45"])}`,
        );
    const detectedBy = random.pick(V.alertSources);

    yield {
      _id: random.objectId(createdAt),
      title: caseTitle(random, symptom, service, region),
      description: [
        `${capitalize(symptom)} on ${service} in ${region}, detected by ${detectedBy}.`,
        fill(random.pick(V.impacts)),
        fill(random.pick(V.findings)),
        fill(random.pick(V.actions)),
      ].join(" "),
      severity,
      status,
      priority: priorityFor(random, severity),
      assignee,
      created_at: createdAt,
      updated_at: updatedAt,
      resolved_at: resolvedAt,
      tags: [...tags],
      metadata: {
        incident_number: `INC-${100000 + i}`,
        service,
        region,
        environment: random.weighted({ production: 80, staging: 15, development: 5 }),
        detected_by: detectedBy,
        customer_impact: tags.has("customer-impact") || severity === Severity.CRITICAL || random.chance(0.2),
        affected_users: affectedUsers,
        ...(resolvedAt ? { resolution: random.pick(V.caseResolutions) } : {}),
        ...(random.chance(0.3)
          ? { runbook: `https://runbooks.jupiter.example/${service}/${theme.tags[0]}` }
          : {}),
      },
    };
  }
}

function caseTitle(random: SeededRandom, symptom: string, service: string, region: string): string {
  switch (random.int(0, 3)) {
    case 0:
      return `${capitalize(symptom)} on ${service}`;
    case 1:
      return `${service}: ${symptom}`;
    case 2:
      return `${capitalize(symptom)} in ${region}`;
    default:
      return `${capitalize(symptom)} affecting ${service} (${region})`;
  }
}

/** Mostly the severity's own level, sometimes one step off. */
function priorityFor(random: SeededRandom, severity: Severity): Priority {
  const level = SEVERITY_LADDER.indexOf(severity) + Number(random.weighted({ "-1": 15, "0": 70, "1": 15 }));
  return PRIORITY_LADDER[Math.min(PRIORITY_LADDER.length - 1, Math.max(0, level))]!;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
