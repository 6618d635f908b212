import type { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestGateway } from "../helpers/use-test-gateway";
import { insertAlert, insertCase } from "./support/write-test-kit";

const DB_MAX_TIME_MS = 4321;
const { database, gateway } = useTestGateway("delete_case_rules", {
  gateway: { dbMaxTimeMs: DB_MAX_TIME_MS },
});

const DELETE = `mutation($id: ID!) { deleteCase(id: $id) { deletedCaseId unlinkedAlertIds } }`;

/**
 * deleteCase unlinks the case's alerts under the rules of every other write: each
 * alert's updated_at strictly increases (at least 1 ms past its previous value, even
 * when that lies ahead of the clock), and the command carries maxTimeMS. Before, the
 * sweep set updated_at to the request's clock and had no time limit.
 */
describe("deleteCase unlinks alerts like every other write", () => {
  it("each alert's updated_at moves forward, also past a value ahead of the clock", async () => {
    const doomed = await insertCase(database.db, { title: "Doomed" });
    const ahead = new Date(Date.now() + 24 * 3_600_000);
    const behind = new Date(Date.now() - 24 * 3_600_000);
    const [future, past, never] = [
      await insertAlert(database.db, { case_id: doomed._id, updated_at: ahead }),
      await insertAlert(database.db, { case_id: doomed._id, updated_at: behind }),
      await insertAlert(database.db, { case_id: doomed._id }),
    ];
    const requestedAt = Date.now();
    const result = await gateway.graphql(DELETE, { id: doomed._id.toHexString() });
    expect(result.errors).toBeUndefined();
    expect([...result.data.deleteCase.unlinkedAlertIds].sort()).toEqual(
      [future!, past!, never!].map((alert) => alert._id.toHexString()).sort(),
    );

    const stored = async (id: ObjectId) => (await database.db.collection("alerts").findOne({ _id: id }))!;
    // Ahead of the clock: exactly one millisecond later (the write's time is earlier).
    const afterFuture = await stored(future!._id);
    expect(afterFuture.case_id).toBeNull();
    expect(afterFuture.updated_at).toEqual(new Date(ahead.getTime() + 1));
    // Behind or missing: the time of the write, which is no earlier than the request.
    for (const alert of [past!, never!]) {
      const after = await stored(alert._id);
      expect(after.case_id).toBeNull();
      expect(after.updated_at).toBeInstanceOf(Date);
      expect((after.updated_at as Date).getTime()).toBeGreaterThanOrEqual(requestedAt);
    }
  });

  it("every command of the delete carries maxTimeMS", async () => {
    const doomed = await insertCase(database.db, { title: "Doomed too" });
    await insertAlert(database.db, { case_id: doomed._id });
    gateway.resetCommands();
    const result = await gateway.graphql(DELETE, { id: doomed._id.toHexString() });
    expect(result.errors).toBeUndefined();
    const writes = gateway.commands.filter((event) =>
      ["find", "update", "delete", "findAndModify", "insert"].includes(event.commandName),
    );
    const unlink = writes.find(
      (event) => event.commandName === "update" && event.command.update === "alerts",
    );
    expect(unlink, JSON.stringify(writes.map((event) => event.command))).toBeDefined();
    const withoutLimit = writes
      .filter((event) => event.command.maxTimeMS !== DB_MAX_TIME_MS)
      .map((event) => `${event.commandName} ${String(event.command[event.commandName])}`);
    // Audit entries are inserts: they carry no maxTimeMS in MongoDB's protocol.
    expect(withoutLimit.filter((name) => !name.startsWith("insert"))).toEqual([]);
  });
});
