import type { Db } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { CaseStatus } from "../../src/domain/case-status.enum";
import { Severity } from "../../src/domain/severity.enum";
import type { CreateAlertInput } from "../../schema/inputs/create-alert.input";
import { AuditTrail } from "../../src/audit/audit-trail";
import { dataCollections } from "../../src/db/data-collections";
import { ensureIndexes } from "../../src/operations/ensure-indexes";
import { GatewayError } from "../../src/errors/gateway-error";
import { AlertWriteRepository } from "../../src/repositories/alert-writes.repository";
import { CaseWriteRepository } from "../../src/repositories/case-writes.repository";
import { WriteRunner } from "../../src/repositories/write-runner";
import { useTestDatabase } from "../helpers/use-test-database";
import { auditEntriesOf, expectNoDanglingAlerts, insertAlert, insertCase } from "./support/write-test-kit";

// The fallback for deployments without transactions (standalone servers): the same
// repositories with transactions turned off, raced directly. What keeps references whole
// here is the order of the steps and the checks after them, not isolation.

const database = useTestDatabase("writes-no-txn");
let db: Db;
let cases: CaseWriteRepository;
let alerts: AlertWriteRepository;
const origin = { actor: "test", requestId: "without-transactions" };

beforeAll(async () => {
  db = database.db;
  await ensureIndexes(db);
  const runner = new WriteRunner(db, { transactions: false });
  expect((await runner.transactionSupport()).supported).toBe(false);
  const audit = new AuditTrail(db.collection("audit_logs"));
  const options = { maxTimeMS: 5_000 };
  cases = new CaseWriteRepository(dataCollections(db), runner, audit, options);
  alerts = new AlertWriteRepository(dataCollections(db), runner, audit, options);
});

/** The code of an expected error, or "ok". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof GatewayError) return String(error.extensions.code);
    throw error;
  }
}

describe("writes without transactions", () => {
  it("deleteCase racing linkAlertToCase and createAlert leaves no alert pointing to a deleted case", async () => {
    for (let round = 0; round < 4; round++) {
      const target = await insertCase(db);
      const free = await Promise.all(Array.from({ length: 5 }, () => insertAlert(db)));
      await insertAlert(db, { case_id: target._id });
      const input = {
        type: "cpu",
        source: "p",
        severity: Severity.LOW,
        message: "",
        caseId: target._id.toHexString(),
      };
      const racers: Promise<unknown>[] = [
        ...free.map((alert) => alerts.link(alert._id, target._id, origin)),
        alerts.create(input as CreateAlertInput, origin),
        alerts.create(input as CreateAlertInput, origin),
      ];
      // The delete starts in the middle of the links.
      racers.splice(3 + (round % 3), 0, cases.delete(target._id, origin));
      const outcomes = await Promise.all(racers.map(outcome));
      for (const result of outcomes) expect(["ok", "NOT_FOUND"]).toContain(result);
      expect(await db.collection("cases").findOne({ _id: target._id })).toBeNull();
      await expectNoDanglingAlerts(db);
    }
  });

  it("concurrent status changes are applied one after the other: exactly one of CLOSED / IN_PROGRESS", async () => {
    for (let round = 0; round < 3; round++) {
      const resolvedAt = new Date(Date.now() - 60_000);
      const seeded = await insertCase(db, { status: "resolved", resolved_at: resolvedAt });
      const wanted = Array.from({ length: 10 }, (_, index) =>
        (index + round) % 2 ? CaseStatus.CLOSED : CaseStatus.IN_PROGRESS,
      );
      const outcomes = await Promise.all(
        wanted.map((status) => outcome(cases.changeStatus(seeded._id, status, undefined, origin))),
      );
      expect(outcomes.filter((result) => result === "ok")).toHaveLength(1);
      expect(
        outcomes.filter((result) => result !== "ok").every((result) => result === "BAD_USER_INPUT"),
      ).toBe(true);
      const stored = await db.collection("cases").findOne({ _id: seeded._id });
      expect(stored!.resolved_at).toEqual(stored!.status === "closed" ? resolvedAt : null);
      const entries = await auditEntriesOf(db, seeded._id);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.changes.status).toEqual({ before: "resolved", after: stored!.status });
    }
  });
});
