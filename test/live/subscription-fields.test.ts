import { decodeJwt } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type LiveClient, openLiveClient, untilListening } from "../helpers/live-client";
import { ManualClock } from "../helpers/manual-clock";
import { useTestGateway } from "../helpers/use-test-gateway";
import { signTestJwt } from "../helpers/test-jwt";
import { loadConfig } from "../../src/config";

// Polling with a clock the test moves: every change is picked up by the next
// `clock.advance`, which returns once the poll and the recomputations it caused are done.
const POLL_MS = 1_000;

const clock = new ManualClock();
const { db, gateway } = useTestGateway("live-fields", {
  gateway: {
    liveClock: clock,
    live: { ...loadConfig({}).live, source: "poll", pollSeconds: POLL_MS / 1000, minIntervalMs: 1_000 },
  },
});
const clients: LiveClient[] = [];

async function client(role: UserRole | null, options: { expiresIn?: number } = {}): Promise<LiveClient> {
  const params = role === null ? {} : { authorization: `Bearer ${await signTestJwt(role, options)}` };
  const live = openLiveClient(gateway.url, params);
  clients.push(live);
  return live;
}

// Registered after the gateway's fixture: runs before the gateway stops.
afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
});

const DAY_MS = 86_400_000;
const from = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 3 * DAY_MS);
const to = new Date(from.getTime() + 5 * DAY_MS);

async function createAlert(input: Record<string, unknown>): Promise<string> {
  const result = await gateway.graphql(
    `mutation($input: CreateAlertInput!) { createAlert(input: $input) { id } }`,
    { input: { source: "live-test", message: "from the live test", ...input } },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createAlert.id as string;
}

async function createCase(title: string, severity = "HIGH"): Promise<string> {
  const result = await gateway.graphql(
    `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
    {
      input: { title, severity },
    },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createCase.id as string;
}

/** Reference: alerts per UTC day and type in [from, to), computed from the documents. */
async function expectedTrend(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const alert of await db
    .collection("alerts")
    .find({ timestamp: { $gte: from, $lt: to } })
    .toArray()) {
    const day = new Date(Math.floor(alert.timestamp.getTime() / DAY_MS) * DAY_MS).toISOString();
    const key = `${day}|${alert.type}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function trendOf(points: { bucket: string; type: string; count: number }[]): Record<string, number> {
  return Object.fromEntries(points.map((point) => [`${point.bucket}|${point.type}`, point.count]));
}

/** Reference: cases per status and severity, from the documents. */
async function expectedStatistics(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const found of await db.collection("cases").find().toArray()) {
    const key = `${String(found.status).toUpperCase()}|${String(found.severity).toUpperCase()}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const TRENDS = `subscription($from: DateTime, $to: DateTime) {
  alertTrendsLive(from: $from, to: $to, granularity: DAY, timezone: "UTC", fillGaps: false) { bucket type count }
}`;
const STATISTICS = `subscription { caseStatisticsLive { status severity count } }`;

describe("refusals", () => {
  it("refuses a VIEWER the analytics fields with FORBIDDEN, before any database command", async () => {
    const live = await client(UserRole.VIEWER);
    await live.connected;
    gateway.resetCommands();
    for (const query of [TRENDS, STATISTICS, `subscription { alertMetricsLive { rows { count } } }`]) {
      const subscription = live.subscribe(query, { from, to });
      const event = await subscription.next();
      expect(event.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(event.data ?? null).toBeNull();
      await subscription.completed;
    }
    expect(gateway.commands.map((command) => command.commandName)).toEqual([]);
  });

  it("closes a connection without valid credentials with 4401 UNAUTHENTICATED", async () => {
    const anonymous = await client(null);
    const closed = await anonymous.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^UNAUTHENTICATED: Authentication required/);

    const forged = openLiveClient(gateway.url, { authorization: "Bearer not.a.token" });
    clients.push(forged);
    expect(await forged.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/Invalid token/) });
  });

  it("refuses a bad argument with BAD_USER_INPUT, before any database command", async () => {
    const live = await client(UserRole.ANALYST);
    await live.connected;
    gateway.resetCommands();
    const subscription = live.subscribe(`subscription { caseUpdated(id: "not-an-id") { id } }`);
    const event = await subscription.next();
    expect(event.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(gateway.commands).toHaveLength(0);
  });

  it("closes the connection when its token expires", async () => {
    const token = await signTestJwt(UserRole.ANALYST, { expiresIn: 120 });
    const live = openLiveClient(gateway.url, { authorization: `Bearer ${token}` });
    clients.push(live);
    await live.connected;
    // The gateway's clock is the test's: move it to one second before `exp`, then past it.
    const expiresAt = (decodeJwt(token).exp as number) * 1000;
    await clock.advance(expiresAt - clock.now() - 1_000);
    const stillOpen = await Promise.race([live.closed.then(() => "closed"), Promise.resolve("open")]);
    expect(stillOpen).toBe("open");
    await clock.advance(2_000);
    expect(await live.closed).toEqual({ code: 4401, reason: "UNAUTHENTICATED: the token has expired" });
  });
});

describe("live fields", () => {
  it("alertTrendsLive sends the whole trend, then again after an alert arrives", async () => {
    await createAlert({ type: "cpu", severity: "HIGH", timestamp: new Date(from.getTime() + DAY_MS + 5) });
    await createAlert({ type: "disk", severity: "LOW", timestamp: new Date(from.getTime() + 2 * DAY_MS) });
    const live = await client(UserRole.ANALYST);
    const subscription = live.subscribe(TRENDS, { from, to });
    const first = await subscription.next();
    expect(first.errors).toBeUndefined();
    expect(trendOf(first.data.alertTrendsLive)).toEqual(await expectedTrend());

    await createAlert({
      type: "cpu",
      severity: "CRITICAL",
      timestamp: new Date(from.getTime() + DAY_MS + 99),
    });
    await clock.advance(2 * POLL_MS);
    const second = await subscription.next();
    const expected = await expectedTrend();
    expect(trendOf(second.data.alertTrendsLive)).toEqual(expected);
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(3);
    subscription.unsubscribe();
  });

  it("alertMetricsLive sends the metrics, then again after an alert arrives", async () => {
    const live = await client(UserRole.ANALYST);
    const subscription = live.subscribe(
      `subscription($range: TimeRangeInput) {
        alertMetricsLive(groupBy: [TYPE], range: $range, fillGaps: false) { rows { type count } }
      }`,
      { range: { from, to } },
    );
    /** Reference: alerts per type in [from, to), from the documents. */
    const expectedByType = async () => {
      const counts: Record<string, number> = {};
      for (const alert of await db
        .collection("alerts")
        .find({ timestamp: { $gte: from, $lt: to } })
        .toArray()) {
        counts[alert.type] = (counts[alert.type] ?? 0) + 1;
      }
      return counts;
    };
    const byType = (rows: { type: string; count: number }[]) =>
      Object.fromEntries(rows.map((row) => [row.type, row.count]));
    const first = await subscription.next();
    expect(first.errors).toBeUndefined();
    expect(byType(first.data.alertMetricsLive.rows)).toEqual(await expectedByType());

    await createAlert({
      type: "metrics-live",
      severity: "MEDIUM",
      timestamp: new Date(from.getTime() + DAY_MS),
    });
    await clock.advance(2 * POLL_MS);
    const second = await subscription.next();
    expect(byType(second.data.alertMetricsLive.rows)).toEqual(await expectedByType());
    expect(second.data.alertMetricsLive.rows).toContainEqual({ type: "metrics-live", count: 1 });
    subscription.unsubscribe();
  });

  it("caseStatisticsLive sends the statistics, then again after a case is created", async () => {
    await createCase("first case", "LOW");
    const live = await client(UserRole.ANALYST);
    const subscription = live.subscribe(STATISTICS);
    const statisticsOf = (rows: { status: string; severity: string; count: number }[]) =>
      Object.fromEntries(
        rows.filter((row) => row.count > 0).map((row) => [`${row.status}|${row.severity}`, row.count]),
      );
    const first = await subscription.next();
    expect(statisticsOf(first.data.caseStatisticsLive)).toEqual(await expectedStatistics());

    await createCase("second case", "CRITICAL");
    await clock.advance(2 * POLL_MS);
    const second = await subscription.next();
    expect(statisticsOf(second.data.caseStatisticsLive)).toEqual(await expectedStatistics());
    expect(second.data.caseStatisticsLive).not.toEqual(first.data.caseStatisticsLive);
    subscription.unsubscribe();
  });

  it("caseUpdated sends the case after each change and a final event when it is deleted", async () => {
    const id = await createCase("watched case");
    const live = await client(UserRole.RESPONDER);
    const subscription = live.subscribe(
      `subscription($id: ID!) { caseUpdated(id: $id) { id deleted case { title status } } }`,
      { id },
    );
    expect((await subscription.next()).data).toEqual({
      caseUpdated: { id, deleted: false, case: { title: "watched case", status: "OPEN" } },
    });

    const renamed = await gateway.graphql(
      `mutation($id: ID!) { updateCase(id: $id, input: { title: "renamed case" }) { id } }`,
      { id },
    );
    expect(renamed.errors).toBeUndefined();
    await clock.advance(2 * POLL_MS);
    const stored = await db.collection("cases").findOne({ title: "renamed case" });
    expect((await subscription.next()).data).toEqual({
      caseUpdated: { id, deleted: false, case: { title: stored?.title, status: "OPEN" } },
    });

    const deleted = await gateway.graphql(`mutation($id: ID!) { deleteCase(id: $id) { deletedCaseId } }`, {
      id,
    });
    expect(deleted.errors).toBeUndefined();
    await clock.advance(2 * POLL_MS);
    expect((await subscription.next()).data).toEqual({ caseUpdated: { id, deleted: true, case: null } });
    await subscription.completed;
  });

  it("alertRaised sends each new alert that matches its filter, and only those", async () => {
    const live = await client(UserRole.VIEWER);
    const subscription = live.subscribe(
      `subscription { alertRaised(filter: { severity: [CRITICAL] }) { id type severity } }`,
    );
    await untilListening(subscription, async () => {
      await createAlert({ type: "probe", severity: "CRITICAL" });
      await clock.advance(POLL_MS);
    });
    const next = async () => {
      let event = await subscription.next();
      while (event.data?.alertRaised?.type === "probe") event = await subscription.next();
      return event;
    };
    const low = await createAlert({ type: "net", severity: "LOW" });
    const critical = await createAlert({ type: "net", severity: "CRITICAL" });
    await clock.advance(POLL_MS);
    expect((await next()).data).toEqual({ alertRaised: { id: critical, type: "net", severity: "CRITICAL" } });
    const later = await createAlert({ type: "mem", severity: "CRITICAL" });
    await clock.advance(POLL_MS);
    expect((await next()).data).toEqual({ alertRaised: { id: later, type: "mem", severity: "CRITICAL" } });
    expect(low).not.toBe(critical);
    subscription.unsubscribe();
  });
});
