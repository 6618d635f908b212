import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { CallerKind } from "../../src/auth/caller";
import { loadConfig } from "../../src/config";
import { buildIncidentFixture, insertIncidentFixture } from "../gateway/fixtures/incident-fixture";
import { useTestDatabase } from "../helpers/use-test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { linesOfRequest } from "./support/lines-of-request";

interface LogLine {
  level: number;
  msg: string;
  request_id?: string;
  trace_id?: string;
  [key: string]: unknown;
}

/** pino's numeric levels. */
const INFO = 30;
const WARN = 40;
/** A value that must never reach the logs. */
const SECRET_TAG = `secret-tag-${randomBytes(6).toString("hex")}`;

const database = useTestDatabase("request_log");

beforeAll(async () => {
  await insertIncidentFixture(
    database.db,
    buildIncidentFixture({ users: 4, cases: 10, alerts: 10, seed: 5 }),
  );
});

/** A gateway logging at info into an array of parsed JSON lines. */
async function loggingGateway(slowOperationMs: number): Promise<{ gateway: TestGateway; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const gateway = await startTestGateway(database, {
    logLevel: "info",
    logStream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    observability: { ...loadConfig({}).observability, slowOperationMs },
  });
  return { gateway, lines };
}

const QUERY = `query Tagged($first: Int, $filter: CaseFilter) {
  cases(first: $first, filter: $filter) { edges { node { id assignee { name } } } }
}`;

describe("request logs", () => {
  let gateway: TestGateway;
  let lines: LogLine[];
  beforeAll(async () => ({ gateway, lines } = await loggingGateway(3_600_000)));
  afterAll(async () => gateway?.stop());

  it("one info line per GraphQL request; request_id and trace_id on every line of the request; no token", async () => {
    const requestId = `obs-${randomBytes(4).toString("hex")}`;
    const traceId = randomBytes(16).toString("hex");
    gateway.resetCommands();
    const result = await gateway.graphql(
      QUERY,
      { first: 4 },
      { "x-request-id": requestId, traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` },
    );
    expect(result.errors).toBeUndefined();
    const commandsSent = gateway.commands.length;
    // The page and its assignees' batch: commands from the resolvers and from DataLoader alike.
    expect(commandsSent).toBeGreaterThanOrEqual(2);
    // Fastify writes "request completed" after the response: wait for the request's last line.
    const mine = await linesOfRequest(lines, requestId);
    expect(mine.map((line) => line.msg)).toEqual([
      "incoming request",
      "graphql request",
      "request completed",
    ]);
    for (const line of mine) expect(line.trace_id, line.msg).toBe(traceId);

    const summary = mine.find((line) => line.msg === "graphql request")!;
    expect(summary.level).toBe(INFO);
    expect(summary).toMatchObject({
      operation_name: "Tagged",
      operation_type: "query",
      caller_kind: CallerKind.USER,
      role: UserRole.ADMIN,
      db_commands: commandsSent,
      outcome: "ok",
    });
    expect(typeof summary.duration_ms).toBe("number");
    expect(summary).not.toHaveProperty("variables_shape");

    const text = JSON.stringify(lines);
    const token = gateway.authHeaders.authorization!.replace(/^Bearer /, "");
    expect(text).not.toContain(token);
    expect(text).not.toContain(SECRET_TAG);
  });

  it("logs a GET request's URL without its query string (it carries the variables)", async () => {
    const requestId = `obs-get-${randomBytes(4).toString("hex")}`;
    const url = new URL(gateway.graphqlUrl);
    url.searchParams.set("query", QUERY);
    url.searchParams.set("variables", JSON.stringify({ first: 1, filter: { tagsAny: [SECRET_TAG] } }));
    const response = await fetch(url, {
      headers: { ...gateway.authHeaders, "x-request-id": requestId, "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    const incoming = (await linesOfRequest(lines, requestId)).find(
      (line) => line.msg === "incoming request",
    )!;
    expect((incoming.req as { url: string }).url).toBe("/graphql");
    expect(JSON.stringify(lines)).not.toContain(SECRET_TAG);
  });

  it("logs a request refused before execution once, with its outcome and the protection", async () => {
    const requestId = `obs-401-${randomBytes(4).toString("hex")}`;
    const result = await gateway.graphql(QUERY, {}, { authorization: "", "x-request-id": requestId });
    expect(result.status).toBe(401);
    const refused = (await linesOfRequest(lines, requestId)).filter(
      (line) => line.msg === "graphql request refused",
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      outcome: "UNAUTHENTICATED",
      status: 401,
      refused_by: "auth",
      db_commands: 0,
    });
    expect(lines.some((line) => line.request_id === requestId && line.msg === "graphql request")).toBe(false);
  });
});

describe("slow requests (SLOW_OPERATION_MS)", () => {
  it("are logged at warn with the variables' shape and without their values", async () => {
    // 0: every request is at or over the threshold, whatever the machine's speed.
    const { gateway, lines } = await loggingGateway(0);
    try {
      const requestId = `obs-slow-${randomBytes(4).toString("hex")}`;
      const variables = { first: 2, filter: { tagsAny: [SECRET_TAG, "other"], unassigned: false } };
      const result = await gateway.graphql(QUERY, variables, { "x-request-id": requestId });
      expect(result.errors).toBeUndefined();
      const slow = (await linesOfRequest(lines, requestId)).filter(
        (line) => line.msg === "slow graphql request",
      );
      expect(slow).toHaveLength(1);
      expect(slow[0]!.level).toBe(WARN);
      expect(slow[0]!.operation_name).toBe("Tagged");
      // Written by hand from the variables above: JSON types only.
      expect(slow[0]!.variables_shape).toEqual({
        first: "number",
        filter: { tagsAny: ["string", "length 2"], unassigned: "boolean" },
      });
      expect(JSON.stringify(lines)).not.toContain(SECRET_TAG);
      expect(lines.some((line) => line.request_id === requestId && line.msg === "graphql request")).toBe(
        false,
      );
    } finally {
      await gateway.stop();
    }
  });
});
