import type { Db, Document } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { CaseStatus } from "../../src/domain/case-status.enum";
import { Priority } from "../../src/domain/priority.enum";
import { Severity } from "../../src/domain/severity.enum";
import { UserRole } from "../../src/domain/user-role.enum";
import type { AlertDocument } from "../../src/db/alert.document";
import type { CaseDocument } from "../../src/db/case.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import type { UserDocument } from "../../src/db/user.document";
import { seedDemoData } from "../../src/seed/seed-demo-data";
import { SeededRandom } from "../../src/seed/seeded-random";
import { useTestDatabase } from "../helpers/use-test-database";

const DAY_MS = 86_400_000;
const NOW = new Date("2026-04-15T09:30:00Z");
const DAYS = 30;
const WINDOW_START = new Date(NOW.getTime() - DAYS * DAY_MS);
// 6,000 alerts: more than one insert batch of 5,000.
const SIZES = { users: 25, cases: 400, alerts: 6_000, days: DAYS, now: NOW };

describe("SeededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds and streams", () => {
    const draw = (random: SeededRandom) => Array.from({ length: 5 }, () => random.next());
    expect(draw(new SeededRandom(42))).toEqual(draw(new SeededRandom(42)));
    expect(draw(new SeededRandom(42))).not.toEqual(draw(new SeededRandom(43)));
    expect(draw(SeededRandom.forStream(42, "cases"))).not.toEqual(draw(SeededRandom.forStream(42, "alerts")));
    for (const value of draw(new SeededRandom(7))) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe("seedDemoData", () => {
  const first = useTestDatabase("seed_a");
  const second = useTestDatabase("seed_b");
  const other = useTestDatabase("seed_c");
  let result: { users: number; cases: number; alerts: number };
  const progress: [string, number, number][] = [];
  let users: UserDocument[];
  let cases: CaseDocument[];
  let alerts: AlertDocument[];

  beforeAll(async () => {
    result = await seedDemoData(first.db, {
      ...SIZES,
      seed: 7,
      onProgress: (collection, done, total) => progress.push([collection, done, total]),
    });
    await seedDemoData(second.db, { ...SIZES, seed: 7 });
    await seedDemoData(other.db, { ...SIZES, alerts: 500, seed: 8 });
    users = await all<UserDocument>(first.db, COLLECTIONS.users);
    cases = await all<CaseDocument>(first.db, COLLECTIONS.cases);
    alerts = await all<AlertDocument>(first.db, COLLECTIONS.alerts);
  });

  it("inserts the requested numbers and reports them", async () => {
    expect(result).toEqual({ users: 25, cases: 400, alerts: 6_000 });
    expect(users).toHaveLength(25);
    expect(cases).toHaveLength(400);
    expect(alerts).toHaveLength(6_000);
  });

  it("reports progress per collection, from 0 to the total, batch by batch", () => {
    expect(progress).toEqual([
      [COLLECTIONS.users, 0, 25],
      [COLLECTIONS.users, 25, 25],
      [COLLECTIONS.cases, 0, 400],
      [COLLECTIONS.cases, 400, 400],
      [COLLECTIONS.alerts, 0, 6_000],
      [COLLECTIONS.alerts, 5_000, 6_000],
      [COLLECTIONS.alerts, 6_000, 6_000],
    ]);
  });

  it("is deterministic: the same seed gives identical documents, _ids included", async () => {
    expect(await all<UserDocument>(second.db, COLLECTIONS.users)).toEqual(users);
    expect(await all<CaseDocument>(second.db, COLLECTIONS.cases)).toEqual(cases);
    expect(await all<AlertDocument>(second.db, COLLECTIONS.alerts)).toEqual(alerts);
  });

  it("gives different documents for a different seed", async () => {
    const otherCases = await all<CaseDocument>(other.db, COLLECTIONS.cases);
    expect(otherCases).toHaveLength(400);
    expect(otherCases.map((doc) => doc._id.toHexString())).not.toEqual(
      cases.map((doc) => doc._id.toHexString()),
    );
    expect(otherCases.map((doc) => doc.title)).not.toEqual(cases.map((doc) => doc.title));
  });

  it("makes users with unique e-mails, known roles and settings", () => {
    expect(new Set(users.map((user) => user.email)).size).toBe(users.length);
    const problems = users.flatMap((user) =>
      violations(user.email, {
        "unknown role": !(Object.values(UserRole) as string[]).includes(user.role),
        "odd e-mail": !/^[a-z.]+\d*@jupiter\.example$/.test(user.email),
        "no timezone setting": typeof user.settings.timezone !== "string",
        "created in the future": user.created_at.getTime() >= NOW.getTime(),
        "login before creation": user.last_login !== null && user.last_login < user.created_at,
      }),
    );
    expect(problems).toEqual([]);
  });

  it("sets resolved_at exactly on resolved and closed cases, after created_at", () => {
    const problems = cases.flatMap((doc) => {
      const done = doc.status === CaseStatus.RESOLVED || doc.status === CaseStatus.CLOSED;
      return violations(doc._id.toHexString(), {
        "resolved_at missing on a resolved or closed case": done && !(doc.resolved_at instanceof Date),
        "resolved_at on an open case": !done && doc.resolved_at !== null,
        "resolved_at not after created_at": doc.resolved_at !== null && doc.resolved_at <= doc.created_at,
        "resolved_at in the future": doc.resolved_at !== null && doc.resolved_at > NOW,
      });
    });
    expect(problems).toEqual([]);
  });

  it("spreads cases over the window with every status, valid enums, tags and some unassigned", () => {
    const userIds = new Set(users.map((user) => user._id.toHexString()));
    const problems = cases.flatMap((doc) =>
      violations(doc._id.toHexString(), {
        "created outside the window": doc.created_at < WINDOW_START || doc.created_at >= NOW,
        "updated before created": doc.updated_at < doc.created_at,
        "unknown severity": !(Object.values(Severity) as string[]).includes(doc.severity),
        "unknown priority": !(Object.values(Priority) as string[]).includes(doc.priority),
        "no tags": doc.tags.length === 0,
        "short title": doc.title.length <= 10,
        "short description": doc.description.length <= 40,
        "unknown assignee": doc.assignee !== null && !userIds.has(doc.assignee.toHexString()),
      }),
    );
    expect(problems).toEqual([]);
    const statuses = new Set(cases.map((doc) => doc.status));
    expect([...statuses].sort()).toEqual(["closed", "in_progress", "open", "resolved"]);
    expect(cases.some((doc) => doc.assignee === null)).toBe(true);
    expect(new Set(cases.map((doc) => doc.severity)).size).toBe(4);
  });

  it("links about 70% of alerts to existing cases, all within the window", () => {
    const caseIds = new Set(cases.map((doc) => doc._id.toHexString()));
    const types = ["cpu", "memory", "disk", "network", "auth", "latency"];
    const sources = ["prometheus", "datadog", "cloudwatch", "pagerduty", "sentry"];
    const problems = alerts.flatMap((alert) =>
      violations(alert._id.toHexString(), {
        "outside the window": alert.timestamp < WINDOW_START || alert.timestamp >= NOW,
        "unknown type": !types.includes(alert.type),
        "unknown source": !sources.includes(alert.source),
        "resolution does not match resolved": (alert.resolution === null) === alert.resolved,
        "unknown case": alert.case_id !== null && !caseIds.has(alert.case_id.toHexString()),
      }),
    );
    expect(problems).toEqual([]);
    const linked = alerts.filter((alert) => alert.case_id !== null).length / alerts.length;
    expect(linked).toBeGreaterThan(0.65);
    expect(linked).toBeLessThan(0.75);
  });

  it("writes varied text for search", () => {
    expect(new Set(cases.map((doc) => doc.title)).size).toBeGreaterThan(100);
    expect(new Set(alerts.map((alert) => alert.message)).size).toBeGreaterThan(1_000);
    expect(cases.some((doc) => /database/i.test(doc.title) || /database/i.test(doc.description))).toBe(true);
  });
});

/** "id: rule" for every rule that is broken: one assertion per test instead of thousands. */
function violations(id: string, rules: Record<string, boolean>): string[] {
  return Object.entries(rules).flatMap(([rule, broken]) => (broken ? [`${id}: ${rule}`] : []));
}

async function all<T extends Document>(db: Db, collection: string): Promise<T[]> {
  return (await db.collection(collection).find({}).sort({ _id: 1 }).toArray()) as unknown as T[];
}
