import type { CommandStartedEvent, Document } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { engineGap, probeTransactions } from "../operations/support/engine-gaps";
import { insertAlert, insertCase } from "./support/write-test-kit";
import { useTestGateway } from "../helpers/use-test-gateway";

/** Whether the server says it is a replica set member or a mongos: then writes must use transactions. */
let advertisesTransactions: boolean;

const { db, gateway } = useTestGateway("writes-transactions");

beforeAll(async () => {
  const hello = await db.admin().command({ hello: 1 });
  advertisesTransactions = typeof hello.setName === "string" || hello.msg === "isdbgrid";
});

const DELETE = `mutation($id: ID!) { deleteCase(id: $id) { deletedCaseId } }`;
const LINK = `mutation($a: ID!, $c: ID!) { linkAlertToCase(alertId: $a, caseId: $c) { id } }`;

/** The data commands of the last request, in order, as "command collection". */
function dataCommands(commands: readonly CommandStartedEvent[]): CommandStartedEvent[] {
  return commands.filter((event) =>
    ["insert", "update", "delete", "findAndModify"].includes(event.commandName),
  );
}
const describeCommand = (event: CommandStartedEvent) =>
  `${event.commandName} ${String((event.command as Document)[event.commandName])}`;

describe("multi-document writes", () => {
  it("deleteCase unlinks the alerts before it deletes the case, then writes its audit entry", async () => {
    const target = await insertCase(db);
    await insertAlert(db, { case_id: target._id });
    gateway.resetCommands();
    expect((await gateway.graphql(DELETE, { id: target._id.toHexString() })).errors).toBeUndefined();
    const order = dataCommands(gateway.commands).map(describeCommand);
    expect(order.slice(0, 2)).toEqual(["update alerts", "findAndModify cases"]);
    expect(order.at(-1)).toBe("insert audit_logs");
  });

  it("run in one transaction, audit entry included, where the deployment advertises transactions", async () => {
    if (!advertisesTransactions) {
      // Standalone server: no transaction; the order checked above keeps references whole.
      const target = await insertCase(db);
      gateway.resetCommands();
      expect((await gateway.graphql(DELETE, { id: target._id.toHexString() })).errors).toBeUndefined();
      expect(gateway.commands.map((event) => event.commandName)).not.toContain("commitTransaction");
      return;
    }
    const gap = await probeTransactions(db);
    if (gap) {
      throw engineGap(
        "multi-document transactions (hello advertises a replica set, so the gateway's writes should run in one)",
        gap,
      );
    }
    for (const run of [
      async () => {
        const target = await insertCase(db);
        await insertAlert(db, { case_id: target._id });
        return gateway.graphql(DELETE, { id: target._id.toHexString() });
      },
      async () => {
        const target = await insertCase(db);
        const alert = await insertAlert(db);
        return gateway.graphql(LINK, { a: alert._id.toHexString(), c: target._id.toHexString() });
      },
    ]) {
      gateway.resetCommands();
      expect((await run()).errors).toBeUndefined();
      const writes = dataCommands(gateway.commands);
      expect(writes.length).toBeGreaterThanOrEqual(3);
      const numbers = new Set(writes.map((event) => String((event.command as Document).txnNumber)));
      expect(numbers.size, writes.map(describeCommand).join(", ")).toBe(1);
      expect([...numbers][0]).not.toBe("undefined");
      for (const event of writes) expect((event.command as Document).autocommit).toBe(false);
      expect(gateway.commands.map((event) => event.commandName)).toContain("commitTransaction");
    }
  });
});
