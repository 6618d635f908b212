import type { CommandStartedEvent } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { alertDocument } from "../helpers/alert-document";
import {
  type LiveClient,
  type LiveSubscription,
  openLiveClient,
  untilListening,
} from "../helpers/live-client";
import { bearer, signTestJwt } from "../helpers/test-jwt";
import { useRestartableDatabase } from "../helpers/use-restartable-database";

// The database is an engine process of its own (`jupiter embedded-mongo --data-dir`), killed by
// its PID and started again on the same port and data: a database restart as the gateway sees it.
const database = useRestartableDatabase("live_restart", {
  gateway: { live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: 100 } },
});
/** Bounds the wait for an event (real time, generous: the verdict must not depend on load). */
const EVENT_WAIT_MS = 60_000;

let live: LiveClient | undefined;
afterAll(async () => {
  await live?.dispose();
});

const insertAlert = (message: string) =>
  database.withDb((db) => db.collection("alerts").insertOne(alertDocument({ type: "restart", message })));

/** The next alertRaised message that is not one of untilListening's probes. */
async function nextRaised(raised: LiveSubscription): Promise<string> {
  for (;;) {
    const message = ((await raised.next(EVENT_WAIT_MS)).data as { alertRaised: { message: string } })
      .alertRaised.message;
    if (!message.startsWith("probe")) return message;
  }
}

const total = (result: { data?: any }) =>
  (result.data.alertTrendsLive as { count: number }[]).reduce((sum, point) => sum + point.count, 0);

/** The $changeStream aggregates the gateway sent: how it (re)opened its streams. */
const changeStreamOpens = (): CommandStartedEvent[] =>
  database.gateway.commands.filter(
    (event) =>
      event.commandName === "aggregate" &&
      Array.isArray(event.command.pipeline) &&
      "$changeStream" in (event.command.pipeline[0] as object),
  );

describe("the database restarted under a live subscription", () => {
  it("resumes from the last token: changes made while the gateway was away, and after, reach the subscriber", async () => {
    const { gateway } = database;
    live = openLiveClient(gateway.url, { authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}` });
    const raised = live.subscribe(`subscription { alertRaised(filter: { type: ["restart"] }) { message } }`);
    const trend = live.subscribe(
      `subscription { alertTrendsLive(types: ["restart"], fillGaps: false) { count } }`,
    );
    expect((await trend.next(EVENT_WAIT_MS)).data).toEqual({ alertTrendsLive: [] });
    let probes = 0;
    await untilListening(raised, () => insertAlert(`probe ${probes++}`).then(() => undefined));

    // Killed; started on another port (the gateway cannot see it) where a change is made; then back
    // on the gateway's port with the same data.
    await database.restart(async (db) => {
      await db.collection("alerts").insertOne(alertDocument({ type: "restart", message: "while away" }));
      gateway.resetCommands();
    });

    // Only a stream resumed from its last token can report a change it never saw being made.
    expect(await nextRaised(raised)).toBe("while away");
    await insertAlert("after the restart, written around the gateway");
    expect(await nextRaised(raised)).toBe("after the restart, written around the gateway");
    const created = await gateway.graphql(
      `mutation { createAlert(input: { type: "restart", source: "test", severity: LOW, message: "after the restart, through the gateway" }) { id } }`,
      {},
      await bearer(UserRole.RESPONDER),
    );
    expect(created.errors).toBeUndefined();
    expect(await nextRaised(raised)).toBe("after the restart, through the gateway");

    const expected = await database.withDb((db) =>
      db.collection("alerts").countDocuments({ type: "restart" }),
    );
    expect(expected).toBe(probes + 3);
    let latest = await trend.next(EVENT_WAIT_MS);
    while (total(latest) < expected) latest = await trend.next(EVENT_WAIT_MS);
    expect(total(latest)).toBe(expected);
    // Every stream the gateway opened after the restart resumed from a token.
    const reopened = changeStreamOpens();
    expect(reopened.length).toBeGreaterThan(0);
    for (const event of reopened) {
      const stage = (event.command.pipeline as { $changeStream: Record<string, unknown> }[])[0]!
        .$changeStream;
      expect(stage.resumeAfter ?? stage.startAfter).toBeDefined();
    }
  });
});
