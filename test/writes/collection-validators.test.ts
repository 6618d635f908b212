import type { Document } from "mongodb";
import { MongoServerError, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { engineGap, probeValidators } from "../operations/support/engine-gaps";
import { insertCase } from "./support/write-test-kit";
import { useTestGateway } from "../helpers/use-test-gateway";

const { db, gateway } = useTestGateway("writes-validators");

const refusedWith121 = (error: unknown) => error instanceof MongoServerError && error.code === 121;

describe("the gateway's start creates the collections with their validators", () => {
  it("cases, alerts, users and audit_logs carry a $jsonSchema validator, strict, error", async () => {
    const collections = await db.listCollections({}, { nameOnly: false }).toArray();
    const byName = new Map(collections.map((collection) => [collection.name, collection as Document]));
    for (const name of ["cases", "alerts", "users", "audit_logs"]) {
      const options = byName.get(name)?.options;
      expect(options?.validator?.$jsonSchema, name).toBeDefined();
      expect(options?.validationLevel ?? "strict").toBe("strict");
      expect(options?.validationAction ?? "error").toBe("error");
    }
    expect(byName.get("cases")!.options.validator.$jsonSchema.properties.status.enum).toEqual([
      "open",
      "in_progress",
      "resolved",
      "closed",
    ]);
  });
});

describe("bad data cannot get in around the gateway", () => {
  it("direct driver writes that break a validator are refused with code 121", async () => {
    const gap = await probeValidators(db);
    if (gap)
      throw engineGap("document validation ($jsonSchema validators enforced on insert and update)", gap);
    const now = new Date();
    const cases = db.collection("cases");
    await expect(
      cases.insertOne({ title: "Bad status", status: "bogus", severity: "low", created_at: now }),
    ).rejects.toSatisfy(refusedWith121);
    await expect(
      cases.insertOne({ title: "x".repeat(201), status: "open", severity: "low", created_at: now }),
    ).rejects.toSatisfy(refusedWith121);
    await expect(cases.insertOne({ status: "open", severity: "low", created_at: now })).rejects.toSatisfy(
      refusedWith121,
    );
    const valid = await insertCase(db);
    await expect(cases.updateOne({ _id: valid._id }, { $set: { severity: "urgent" } })).rejects.toSatisfy(
      refusedWith121,
    );
    await expect(cases.updateOne({ _id: valid._id }, { $set: { assignee: "someone" } })).rejects.toSatisfy(
      refusedWith121,
    );
    await expect(
      db.collection("users").insertOne({ email: "no-at-sign", name: "N", role: "viewer", created_at: now }),
    ).rejects.toSatisfy(refusedWith121);
    await expect(
      db.collection("users").insertOne({ email: "r@example.test", name: "R", role: "root", created_at: now }),
    ).rejects.toSatisfy(refusedWith121);
    await expect(
      db.collection("alerts").insertOne({
        type: "cpu",
        source: "p",
        severity: "urgent",
        timestamp: now,
        case_id: new ObjectId(),
      }),
    ).rejects.toSatisfy(refusedWith121);
    await expect(db.collection("audit_logs").insertOne({ action: "", created_at: now })).rejects.toSatisfy(
      refusedWith121,
    );
    expect(await cases.findOne({ _id: valid._id })).toEqual(valid);
  });

  it("what the gateway writes passes the validators (every write path once)", async () => {
    const user = await gateway.graphql(
      `mutation { createUser(input: { email: "v@example.test", name: "V" }) { id } }`,
    );
    expect(user.errors).toBeUndefined();
    const created = await gateway.graphql(
      `mutation($u: ID!) { createCase(input: { title: "V", severity: LOW, assigneeId: $u }) { id } }`,
      { u: user.data.createUser.id },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createCase.id as string;
    const alert = await gateway.graphql(
      `mutation($c: ID!) { createAlert(input: { type: "cpu", source: "p", severity: LOW, caseId: $c }) { id } }`,
      { c: id },
    );
    expect(alert.errors).toBeUndefined();
    for (const query of [
      `mutation($id: ID!) { changeCaseStatus(id: $id, status: IN_PROGRESS) { id } }`,
      `mutation($id: ID!) { changeCaseStatus(id: $id, status: RESOLVED) { id } }`,
      `mutation($id: ID!) { updateCase(id: $id, input: { metadata: { a: 1 } }) { id } }`,
      `mutation($id: ID!) { deleteCase(id: $id) { deletedCaseId } }`,
    ]) {
      const result = await gateway.graphql(query, { id });
      expect(result.errors, query).toBeUndefined();
    }
  });
});
