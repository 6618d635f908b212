import type { Document } from "mongodb";
import { describe, expect, it } from "vitest";
import { type GraphQLResult } from "../helpers/test-gateway";
import { ACTOR, auditEntriesOf, badUserInput, errorCode, insertCase, oid } from "./support/write-test-kit";
import { useTestGateway } from "../helpers/use-test-gateway";

const { db, gateway } = useTestGateway("writes-workflow");

type Status = "OPEN" | "IN_PROGRESS" | "RESOLVED" | "CLOSED";
const STATUSES: readonly Status[] = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];

/** The workflow as the issue states it, written out independently of src/workflow. */
const ALLOWED: Readonly<Record<Status, readonly Status[]>> = {
  OPEN: ["IN_PROGRESS"],
  IN_PROGRESS: ["RESOLVED"],
  RESOLVED: ["IN_PROGRESS", "CLOSED"],
  CLOSED: [],
};
const stored = (status: Status) => status.toLowerCase();
const hasResolvedAt = (status: Status) => status === "RESOLVED" || status === "CLOSED";

const CHANGE = `mutation($id: ID!, $status: CaseStatus!, $note: String) {
  changeCaseStatus(id: $id, status: $status, note: $note) { id status resolvedAt updatedAt createdAt }
}`;

function change(id: string, status: Status, note?: string): Promise<GraphQLResult> {
  return gateway.graphql(CHANGE, { id, status, note });
}

/** A case in `status`, resolved an hour after creation when the status says so. */
async function caseIn(status: Status): Promise<Document> {
  const created = new Date(Date.now() - 5 * 3_600_000);
  return insertCase(db, {
    status: stored(status),
    created_at: created,
    updated_at: created,
    resolved_at: hasResolvedAt(status) ? new Date(created.getTime() + 3_600_000) : null,
  });
}

describe("every transition of the 4×4 matrix", () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const legal = ALLOWED[from].includes(to);
      it(`${from} → ${to} is ${legal ? "allowed" : "refused"}`, async () => {
        const seeded = await caseIn(from);
        const id = seeded._id.toHexString();
        const startedAt = Date.now();
        const result = await change(id, to, "because");
        const finishedAt = Date.now();
        const after = await db.collection("cases").findOne({ _id: seeded._id });

        if (!legal) {
          const error = badUserInput(result);
          const allowed = ALLOWED[from].length > 0 ? ALLOWED[from].join(", ") : "none";
          expect(error.message).toBe(`Cannot change status from ${from} to ${to}; allowed: ${allowed}`);
          expect(after).toEqual(seeded);
          expect(await auditEntriesOf(db, id)).toEqual([]);
          return;
        }

        expect(result.errors).toBeUndefined();
        expect(after!.status).toBe(stored(to));
        expect(after!.created_at).toEqual(seeded.created_at);
        expect(after!.updated_at.getTime()).toBeGreaterThan(seeded.updated_at.getTime());
        let resolvedAt: Date | null;
        if (to === "RESOLVED") {
          resolvedAt = after!.resolved_at;
          expect(resolvedAt).toBeInstanceOf(Date);
          expect(resolvedAt!.getTime()).toBeGreaterThanOrEqual(startedAt);
          expect(resolvedAt!.getTime()).toBeLessThanOrEqual(finishedAt);
        } else if (from === "RESOLVED" && to === "IN_PROGRESS") {
          resolvedAt = null;
        } else {
          resolvedAt = seeded.resolved_at;
        }
        expect(after!.resolved_at).toEqual(resolvedAt);
        expect(result.data.changeCaseStatus).toEqual({
          id,
          status: to,
          resolvedAt: resolvedAt ? resolvedAt.toISOString() : null,
          updatedAt: after!.updated_at.toISOString(),
          createdAt: seeded.created_at.toISOString(),
        });

        const entries = await auditEntriesOf(db, id);
        expect(entries).toHaveLength(1);
        const changes: Document = { status: { before: stored(from), after: stored(to) } };
        const resolvedBefore = seeded.resolved_at ?? null;
        if (resolvedBefore?.getTime() !== resolvedAt?.getTime()) {
          changes.resolved_at = { before: resolvedBefore, after: resolvedAt };
        }
        expect(entries[0]).toMatchObject({
          action: "case.status.change",
          collection: "cases",
          target_id: seeded._id,
          actor: ACTOR,
          created_at: after!.updated_at,
          changes,
          details: { note: "because" },
        });
        expect(Object.keys(entries[0]!.changes).sort()).toEqual(Object.keys(changes).sort());
      });
    }
  }
});

describe("a case's life", () => {
  it("resolvedAt is set on resolving, cleared on reopening, kept on closing", async () => {
    const created = await gateway.graphql(
      `mutation { createCase(input: { title: "Life", severity: HIGH }) { id status resolvedAt } }`,
    );
    const id = created.data.createCase.id as string;
    expect(created.data.createCase).toMatchObject({ status: "OPEN", resolvedAt: null });

    const steps: [Status, "set" | "null" | "kept"][] = [
      ["IN_PROGRESS", "null"],
      ["RESOLVED", "set"],
      ["IN_PROGRESS", "null"],
      ["RESOLVED", "set"],
      ["CLOSED", "kept"],
    ];
    let lastResolvedAt: string | null = null;
    for (const [to, expectation] of steps) {
      const result = await change(id, to);
      expect(result.errors).toBeUndefined();
      const answer = result.data.changeCaseStatus;
      expect(answer.status).toBe(to);
      if (expectation === "null") expect(answer.resolvedAt).toBeNull();
      if (expectation === "set") expect(answer.resolvedAt).not.toBeNull();
      if (expectation === "kept") expect(answer.resolvedAt).toBe(lastResolvedAt);
      lastResolvedAt = answer.resolvedAt;
    }
    const document = await db.collection("cases").findOne({ _id: oid(id) });
    expect(document!.resolved_at.toISOString()).toBe(lastResolvedAt);
    const entries = await auditEntriesOf(db, id);
    expect(entries.map((entry) => entry.action)).toEqual([
      "case.create",
      ...steps.map(() => "case.status.change"),
    ]);
  });

  it("an unknown case is NOT_FOUND; a malformed id is BAD_USER_INPUT", async () => {
    expect(errorCode(await change("0123456789abcdef01234567", "IN_PROGRESS"))).toBe("NOT_FOUND");
    expect(badUserInput(await change("nope", "IN_PROGRESS")).message).toMatch(/Argument "id"/);
  });
});

describe("concurrent status changes of one case", () => {
  /** resolved_at is set exactly when the status is resolved or closed. */
  function expectConsistent(document: Document): void {
    const resolved = document.status === "resolved" || document.status === "closed";
    expect(document.resolved_at instanceof Date, JSON.stringify(document)).toBe(resolved);
  }

  /**
   * The audit entries of the case must form one chain of legal transitions, one per
   * successful request, ending at the stored status.
   */
  async function expectSerialHistory(seeded: Document, successes: number): Promise<void> {
    const entries = (await auditEntriesOf(db, seeded._id)).filter((e) => e.action === "case.status.change");
    expect(entries).toHaveLength(successes);
    let status = seeded.status as string;
    for (const entry of entries) {
      expect(entry.changes.status.before).toBe(status);
      const to = entry.changes.status.after as string;
      expect(ALLOWED[status.toUpperCase() as Status]).toContain(to.toUpperCase());
      status = to;
    }
    const document = await db.collection("cases").findOne({ _id: seeded._id });
    expect(document!.status).toBe(status);
    expectConsistent(document!);
  }

  /**
   * Sends 10 status changes at once to a new case in `from`, alternating the two statuses
   * (the first one first in even rounds, the second one in odd rounds).
   */
  async function race(from: Status, statuses: [Status, Status], round: number) {
    const seeded = await caseIn(from);
    const id = seeded._id.toHexString();
    const wanted = Array.from({ length: 10 }, (_, index) => statuses[(index + round) % 2]!);
    const results = await Promise.all(wanted.map((status) => change(id, status)));
    return { seeded, results, succeeded: results.filter((result) => !result.errors) };
  }

  it("10 parallel IN_PROGRESS / RESOLVED requests on an OPEN case leave a consistent case", async () => {
    for (let round = 0; round < 3; round++) {
      const { seeded, results, succeeded } = await race("OPEN", ["IN_PROGRESS", "RESOLVED"], round);
      for (const result of results) {
        if (result.errors) expect(result.errors[0]!.extensions?.code).toBe("BAD_USER_INPUT");
        else {
          const answer = result.data.changeCaseStatus;
          expect(answer.resolvedAt !== null).toBe(answer.status === "RESOLVED" || answer.status === "CLOSED");
        }
      }
      // Whatever the order, the first IN_PROGRESS to be applied finds the case OPEN (nothing
      // else can leave OPEN), so at least one request succeeds.
      expect(succeeded.length).toBeGreaterThanOrEqual(1);
      await expectSerialHistory(seeded, succeeded.length);
    }
  });

  it("10 parallel CLOSED / IN_PROGRESS requests on a RESOLVED case: exactly one applies", async () => {
    for (let round = 0; round < 2; round++) {
      const { seeded, succeeded } = await race("RESOLVED", ["CLOSED", "IN_PROGRESS"], round);
      expect(succeeded).toHaveLength(1);
      const winner = succeeded[0]!.data.changeCaseStatus;
      const document = await db.collection("cases").findOne({ _id: seeded._id });
      expect(document!.status).toBe(stored(winner.status));
      expect(document!.resolved_at).toEqual(winner.status === "CLOSED" ? seeded.resolved_at : null);
      await expectSerialHistory(seeded, 1);
    }
  });

  it("the update is conditional on the status it was decided from", async () => {
    const seeded = await caseIn("OPEN");
    gateway.resetCommands();
    expect((await change(seeded._id.toHexString(), "IN_PROGRESS")).errors).toBeUndefined();
    const updates = gateway.commands.filter(
      (event) => event.commandName === "findAndModify" && event.command.findAndModify === "cases",
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]!.command.query).toMatchObject({ _id: seeded._id, status: "open" });
  });
});
