import type { Document } from "mongodb";
import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResult } from "../helpers/test-gateway";
import {
  badUserInput,
  DATA_COLLECTIONS,
  failedRules,
  insertAlert,
  insertCase,
  insertUser,
  snapshot,
} from "./support/write-test-kit";
import { useTestGateway } from "../helpers/use-test-gateway";

let caseId: string;
let userId: string;
let alertId: string;

const { db, gateway } = useTestGateway("writes-validation");

beforeAll(async () => {
  caseId = (await insertCase(db, { tags: ["kept"] }))._id.toHexString();
  userId = (await insertUser(db))._id.toHexString();
  alertId = (await insertAlert(db))._id.toHexString();
});

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const UPDATE_CASE = `mutation($id: ID!, $input: UpdateCaseInput!) { updateCase(id: $id, input: $input) { id } }`;
const ADD_TAGS = `mutation($id: ID!, $tags: [String!]!) { addCaseTags(id: $id, tags: $tags) { id } }`;
const REMOVE_TAGS = `mutation($id: ID!, $tags: [String!]!) { removeCaseTags(id: $id, tags: $tags) { id } }`;
const CHANGE_STATUS = `mutation($id: ID!, $status: CaseStatus!, $note: String) {
  changeCaseStatus(id: $id, status: $status, note: $note) { id }
}`;
const ASSIGN = `mutation($id: ID!, $assigneeId: ID) { assignCase(id: $id, assigneeId: $assigneeId) { id } }`;
const DELETE = `mutation($id: ID!) { deleteCase(id: $id) { deletedCaseId } }`;
const CREATE_ALERT = `mutation($input: CreateAlertInput!) { createAlert(input: $input) { id } }`;
const RESOLVE_ALERT = `mutation($id: ID!, $resolution: String!) { resolveAlert(id: $id, resolution: $resolution) { id } }`;
const LINK = `mutation($alertId: ID!, $caseId: ID!) { linkAlertToCase(alertId: $alertId, caseId: $caseId) { id } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`;

const A_CASE = { title: "A case", severity: "LOW" };
const long = (length: number, char = "x") => char.repeat(length);
/** An object nested `levels` levels deep, the outermost being level 1. */
function nested(levels: number): Document {
  let value: Document = { leaf: true };
  for (let level = 1; level < levels; level++) value = { child: value };
  return value;
}

/**
 * Sends the request, expects BAD_USER_INPUT listing exactly `rules` ("path:constraint")
 * in extensions.validationErrors and naming each path in the message, and checks that
 * no collection changed and nothing was sent to MongoDB but reads.
 */
async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  rules: string[],
): Promise<GraphQLResult> {
  const before = await snapshot(db);
  gateway.resetCommands();
  const result = await gateway.graphql(query, variables);
  const error = badUserInput(result);
  expect(failedRules(error)).toEqual([...rules].sort());
  for (const rule of rules) expect(error.message).toContain(`Argument "${rule.split(":")[0]}"`);
  expect(error.extensions?.invalidArguments).toHaveLength(rules.length);
  const writes = gateway.commands.filter((event) =>
    ["insert", "update", "delete", "findAndModify"].includes(event.commandName),
  );
  expect(writes).toEqual([]);
  expect(await snapshot(db)).toBe(before);
  return result;
}

async function expectAccepted(query: string, variables: Record<string, unknown>): Promise<GraphQLResult> {
  const result = await gateway.graphql(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result;
}

describe("titles: 1 to 200 characters after trimming", () => {
  it("refuses an empty, a blank and a 201-character title", async () => {
    for (const title of ["", "   ", long(201)]) {
      await expectRefused(CREATE_CASE, { input: { ...A_CASE, title } }, ["input.title:trimmedLength"]);
    }
    await expectRefused(UPDATE_CASE, { id: caseId, input: { title: " \t " } }, ["input.title:trimmedLength"]);
  });

  it("accepts 200 characters surrounded by spaces and stores them trimmed", async () => {
    const result = await expectAccepted(CREATE_CASE, { input: { ...A_CASE, title: `  ${long(200)}  ` } });
    const stored = await db
      .collection("cases")
      .findOne({ _id: new ObjectId(result.data.createCase.id as string) });
    expect(stored!.title).toBe(long(200));
  });

  it("refuses a description over 10,000 characters", async () => {
    await expectRefused(CREATE_CASE, { input: { ...A_CASE, description: long(10_001) } }, [
      "input.description:maxLength",
    ]);
  });
});

describe("tags: trimmed, de-duplicated, at most 50 of at most 50 characters, none empty", () => {
  it("refuses an empty tag, a long tag and too many tags — in every mutation that takes tags", async () => {
    const many = Array.from({ length: 51 }, (_, index) => `tag${index}`);
    for (const [tags, rule] of [
      [["ok", "  "], "tagNotEmpty"],
      [[""], "tagNotEmpty"],
      [[long(51)], "tagMaxLength"],
      [[` ${long(51)} `], "tagMaxLength"],
      [many, "maxTags"],
    ] as const) {
      await expectRefused(CREATE_CASE, { input: { ...A_CASE, tags } }, [`input.tags:${rule}`]);
      await expectRefused(UPDATE_CASE, { id: caseId, input: { tags } }, [`input.tags:${rule}`]);
      await expectRefused(ADD_TAGS, { id: caseId, tags }, [`tags:${rule}`]);
      await expectRefused(REMOVE_TAGS, { id: caseId, tags }, [`tags:${rule}`]);
    }
  });

  it("counts tags after trimming and de-duplication: 60 entries naming 50 tags are fine", async () => {
    const fifty = Array.from({ length: 49 }, (_, index) => `t${index}`).concat(long(50));
    const tags = [...fifty, ...fifty.slice(0, 10).map((tag) => ` ${tag} `)];
    expect(tags).toHaveLength(60);
    const result = await expectAccepted(CREATE_CASE, { input: { ...A_CASE, tags } });
    const stored = await db
      .collection("cases")
      .findOne({ _id: new ObjectId(result.data.createCase.id as string) });
    expect(stored!.tags).toEqual(fifty);
  });
});

describe("metadata and settings: plain objects, safe keys, bounded depth and size", () => {
  it("refuses keys that start with $ or contain a dot, at any depth", async () => {
    for (const metadata of [
      { $ne: null },
      { "a.b": 1 },
      { ok: { $gt: "" } },
      { ok: [{ fine: 1 }, { "deep.er": 2 }] },
      { $where: "sleep(1000)" },
    ]) {
      await expectRefused(CREATE_CASE, { input: { ...A_CASE, metadata } }, ["input.metadata:safeKeys"]);
      await expectRefused(UPDATE_CASE, { id: caseId, input: { metadata } }, ["input.metadata:safeKeys"]);
      await expectRefused(
        CREATE_USER,
        { input: { email: "s@example.test", name: "S", settings: metadata } },
        ["input.settings:safeKeys"],
      );
      await expectRefused(UPDATE_USER, { id: userId, input: { settings: metadata } }, [
        "input.settings:safeKeys",
      ]);
    }
  });

  it("allows 5 levels of nesting and refuses 6", async () => {
    await expectAccepted(UPDATE_CASE, { id: caseId, input: { metadata: nested(5) } });
    await expectAccepted(UPDATE_CASE, { id: caseId, input: { metadata: { a: [[[{ b: 1 }]]] } } });
    await expectRefused(UPDATE_CASE, { id: caseId, input: { metadata: nested(6) } }, [
      "input.metadata:maxDepth",
    ]);
    await expectRefused(UPDATE_CASE, { id: caseId, input: { metadata: { a: [[[[{ b: 1 }]]]] } } }, [
      "input.metadata:maxDepth",
    ]);
    await expectRefused(UPDATE_USER, { id: userId, input: { settings: nested(6) } }, [
      "input.settings:maxDepth",
    ]);
  });

  it("allows 16 KiB of JSON and refuses more", async () => {
    // {"v":"…"} is 8 bytes around the string.
    await expectAccepted(UPDATE_CASE, { id: caseId, input: { metadata: { v: long(16_384 - 8) } } });
    await expectRefused(UPDATE_CASE, { id: caseId, input: { metadata: { v: long(16_384 - 7) } } }, [
      "input.metadata:maxSize",
    ]);
    // Bytes, not characters: 8,200 "é" are 16,400 bytes.
    await expectRefused(UPDATE_CASE, { id: caseId, input: { metadata: { v: long(8_200, "é") } } }, [
      "input.metadata:maxSize",
    ]);
  });

  it("refuses a JSON list where an object is expected (GraphQL's own check)", async () => {
    const before = await snapshot(db);
    const result = await gateway.graphql(UPDATE_CASE, { id: caseId, input: { metadata: [1, 2] } });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await snapshot(db)).toBe(before);
  });

  it("operator-like payloads are stored nowhere as operators", async () => {
    // Strings that look like operators are data: stored verbatim, never interpreted.
    await expectAccepted(CREATE_CASE, {
      input: { ...A_CASE, title: '{"$ne": null}', tags: ["$ne", "$where"] },
    });
    for (const collection of DATA_COLLECTIONS) {
      const documents = await db.collection(collection).find().toArray();
      for (const document of documents) {
        expect(dollarOrDottedKeys(document), `${collection} ${String(document._id)}`).toEqual([]);
      }
    }
  });
});

describe("other fields", () => {
  it("ids must be 24 hexadecimal characters", async () => {
    await expectRefused(UPDATE_CASE, { id: "nope", input: { title: "x" } }, ["id:isMongoId"]);
    await expectRefused(ASSIGN, { id: caseId, assigneeId: "nope" }, ["assigneeId:isMongoId"]);
    await expectRefused(DELETE, { id: "abcdefghijkl" }, ["id:isMongoId"]);
    await expectRefused(LINK, { alertId: "x", caseId: "y" }, ["alertId:isMongoId", "caseId:isMongoId"]);
    await expectRefused(CREATE_ALERT, { input: { type: "cpu", source: "p", severity: "LOW", caseId: "1" } }, [
      "input.caseId:isMongoId",
    ]);
  });

  it("updates set at least one field and never null", async () => {
    await expectRefused(UPDATE_CASE, { id: caseId, input: {} }, ["input:atLeastOneField"]);
    await expectRefused(UPDATE_CASE, { id: caseId, input: { title: null } }, ["input.title:isDefined"]);
    await expectRefused(UPDATE_CASE, { id: caseId, input: { tags: null, metadata: null } }, [
      "input.tags:isDefined",
      "input.metadata:isDefined",
    ]);
    await expectRefused(UPDATE_USER, { id: userId, input: {} }, ["input:atLeastOneField"]);
    await expectRefused(UPDATE_USER, { id: userId, input: { name: null } }, ["input.name:isDefined"]);
  });

  it("users: a valid e-mail address and a name", async () => {
    for (const email of ["not-an-email", "a@b", " @example.test", `${long(250)}@example.test`]) {
      await expectRefused(CREATE_USER, { input: { email, name: "N" } }, ["input.email:isEmail"]);
    }
    await expectRefused(CREATE_USER, { input: { email: "n@example.test", name: "  " } }, [
      "input.name:trimmedLength",
    ]);
  });

  it("alerts: type and source not blank, a resolution not blank, a note not blank", async () => {
    await expectRefused(CREATE_ALERT, { input: { type: " ", source: "", severity: "LOW" } }, [
      "input.type:trimmedLength",
      "input.source:trimmedLength",
    ]);
    await expectRefused(RESOLVE_ALERT, { id: alertId, resolution: "   " }, ["resolution:trimmedLength"]);
    await expectRefused(RESOLVE_ALERT, { id: alertId, resolution: long(2_001) }, [
      "resolution:trimmedLength",
    ]);
    await expectRefused(CHANGE_STATUS, { id: caseId, status: "IN_PROGRESS", note: " " }, [
      "note:trimmedLength",
    ]);
  });

  it("enums: a value outside the enum is refused by GraphQL before anything runs", async () => {
    const before = await snapshot(db);
    for (const [query, variables] of [
      [CREATE_CASE, { input: { ...A_CASE, severity: "URGENT" } }],
      [CREATE_CASE, { input: { ...A_CASE, priority: "high" } }],
      [CHANGE_STATUS, { id: caseId, status: "REOPENED" }],
      [CREATE_USER, { input: { email: "e@example.test", name: "E", role: "ROOT" } }],
    ] as const) {
      const result = await gateway.graphql(query, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(await snapshot(db)).toBe(before);
  });
});

describe("several rules broken at once", () => {
  it("createCase reports every failing field in one error and writes nothing", async () => {
    const result = await expectRefused(
      CREATE_CASE,
      {
        input: {
          title: "",
          severity: "LOW",
          description: long(10_001),
          assigneeId: "zz",
          tags: ["", long(51)],
          metadata: { $set: { admin: true }, deep: nested(6) },
        },
      },
      [
        "input.title:trimmedLength",
        "input.description:maxLength",
        "input.assigneeId:isMongoId",
        "input.tags:tagNotEmpty",
        "input.tags:tagMaxLength",
        "input.metadata:safeKeys",
        "input.metadata:maxDepth",
      ],
    );
    const entries = result.errors![0]!.extensions!.validationErrors as { path: string; message: string }[];
    expect(
      entries.find((entry) => entry.path === "input.metadata" && /\$set/.test(entry.message)),
    ).toBeDefined();
  });

  it("arguments beside the input are checked in the same pass (id, tags, note)", async () => {
    await expectRefused(UPDATE_CASE, { id: "bad", input: { title: "", metadata: { "x.y": 1 } } }, [
      "id:isMongoId",
      "input.title:trimmedLength",
      "input.metadata:safeKeys",
    ]);
    await expectRefused(ADD_TAGS, { id: "bad", tags: ["", long(51)] }, [
      "id:isMongoId",
      "tags:tagNotEmpty",
      "tags:tagMaxLength",
    ]);
    await expectRefused(CHANGE_STATUS, { id: "bad", status: "CLOSED", note: "" }, [
      "id:isMongoId",
      "note:trimmedLength",
    ]);
    await expectRefused(CREATE_USER, { input: { email: "nope", name: "", settings: { $x: 1 } } }, [
      "input.email:isEmail",
      "input.name:trimmedLength",
      "input.settings:safeKeys",
    ]);
  });
});

/** Key paths of a stored document that start with $ or contain a dot. */
function dollarOrDottedKeys(value: unknown, path = ""): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => dollarOrDottedKeys(item, `${path}.${index}`));
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof ObjectId)
    return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(key.startsWith("$") || key.includes(".") ? [`${path}.${key}`] : []),
    ...dollarOrDottedKeys(item, `${path}.${key}`),
  ]);
}
