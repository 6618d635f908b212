import type { Document } from "mongodb";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import {
  auditEntriesOf,
  auditTrailOf,
  errorCode,
  insertUser,
  oid,
  snapshot,
  USER_FIELDS,
} from "./support/write-test-kit";
import { expectedUser } from "../helpers/expected-answers";
import { useTestGateway } from "../helpers/use-test-gateway";
import { createdDocument, storedDocument } from "./support/stored-document";

const { db, gateway } = useTestGateway("writes-users");

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const ROLE = `mutation($id: ID!, $role: UserRole!) { updateUserRole(id: $id, role: $role) { ${USER_FIELDS} } }`;

const storedUser = (id: ObjectId | string) => storedDocument(db, "users", id);

describe("createUser", () => {
  it("stores the e-mail trimmed and lower-cased, the name trimmed, VIEWER by default", async () => {
    const startedAt = Date.now();
    const result = await gateway.graphql(CREATE, {
      input: { email: "  Alice.Smith@Example.COM ", name: " Alice Smith ", settings: { theme: "dark" } },
    });
    const { id, stored } = await createdDocument(db, result, "createUser", "users");
    expect(stored).toEqual({
      _id: oid(id),
      email: "alice.smith@example.com",
      name: "Alice Smith",
      role: "viewer",
      settings: { theme: "dark" },
      created_at: expect.any(Date),
      updated_at: expect.any(Date),
      last_login: null,
    });
    expect(stored!.created_at.getTime()).toBeGreaterThanOrEqual(startedAt);
    expect(stored!.updated_at).toEqual(stored!.created_at);
    expect(result.data.createUser).toEqual(expectedUser(stored!));
    expect(await auditTrailOf(db, id)).toEqual([
      [
        "user.create",
        {
          email: { before: null, after: "alice.smith@example.com" },
          name: { before: null, after: "Alice Smith" },
          role: { before: null, after: "viewer" },
          settings: { before: null, after: { theme: "dark" } },
        },
      ],
    ]);
  });

  it("an e-mail another user has (in any case) is CONFLICT; nothing is written", async () => {
    await insertUser(db, { email: "taken@example.test" });
    const before = await snapshot(db);
    const result = await gateway.graphql(CREATE, { input: { email: " TAKEN@example.test", name: "Copy" } });
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toContain("taken@example.test");
    expect(await snapshot(db)).toBe(before);
  });

  it("relies on the unique index: no look-up before the insert, and concurrent duplicates give one user", async () => {
    // Warm-up, so the one-time detection of transaction support is not counted below.
    await gateway.graphql(CREATE, { input: { email: "warm-up@example.test", name: "Warm" } });
    gateway.resetCommands();
    const single = await gateway.graphql(CREATE, { input: { email: "solo@example.test", name: "Solo" } });
    expect(single.errors).toBeUndefined();
    const onUsers = gateway.commands.filter(
      (event) => (event.command as Document)[event.commandName] === "users",
    );
    expect(onUsers.map((event) => event.commandName)).toEqual(["insert"]);

    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        gateway.graphql(CREATE, {
          input: { email: index % 2 ? "race@example.test" : "RACE@example.test ", name: "R" },
        }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    for (const result of results.filter((r) => r.errors)) expect(errorCode(result)).toBe("CONFLICT");
    expect(await db.collection("users").countDocuments({ email: "race@example.test" })).toBe(1);
    const created = await db.collection("users").findOne({ email: "race@example.test" });
    expect(await auditEntriesOf(db, created!._id)).toHaveLength(1);
  });
});

describe("updateUser / updateUserRole", () => {
  it("sets the name and replaces the settings; created_at stays", async () => {
    const user = await insertUser(db, { name: "Old", settings: { theme: "light", keep: 1 } });
    const id = user._id.toHexString();
    const result = await gateway.graphql(UPDATE, {
      id,
      input: { name: "  New ", settings: { theme: "dark" } },
    });
    expect(result.errors).toBeUndefined();
    const stored = await storedUser(id);
    expect(stored).toEqual({
      ...user,
      name: "New",
      settings: { theme: "dark" },
      updated_at: expect.any(Date),
    });
    expect(result.data.updateUser).toEqual(expectedUser(stored!));
    expect((await auditEntriesOf(db, id)).map((entry) => entry.changes)).toEqual([
      {
        name: { before: "Old", after: "New" },
        settings: { before: { theme: "light", keep: 1 }, after: { theme: "dark" } },
      },
    ]);
  });

  it("changes the role", async () => {
    const user = await insertUser(db, { role: "viewer" });
    const id = user._id.toHexString();
    const result = await gateway.graphql(ROLE, { id, role: "ADMIN" });
    expect(result.errors).toBeUndefined();
    const stored = await storedUser(id);
    expect(stored!.role).toBe("admin");
    expect(result.data.updateUserRole).toEqual(expectedUser(stored!));
    expect(await auditTrailOf(db, id)).toEqual([
      ["user.role.change", { role: { before: "viewer", after: "admin" } }],
    ]);
  });

  it("an unknown user is NOT_FOUND", async () => {
    const before = await snapshot(db);
    const id = new ObjectId().toHexString();
    expect(errorCode(await gateway.graphql(UPDATE, { id, input: { name: "x" } }))).toBe("NOT_FOUND");
    expect(errorCode(await gateway.graphql(ROLE, { id, role: "ADMIN" }))).toBe("NOT_FOUND");
    expect(await snapshot(db)).toBe(before);
  });
});
