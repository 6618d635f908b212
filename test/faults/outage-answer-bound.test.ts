import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultsConfig, loadConfig } from "../../src/config";
import { eventually } from "../helpers/gateway-process";
import type { TestDatabase } from "../helpers/test-database";
import { type GraphQLResult, startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { useEngineProcess } from "../helpers/use-engine-process";

/**
 * DB_UNAVAILABLE_TIMEOUT_MS bounds a whole request during an outage, whatever the request
 * does: the driver's own bound is per server selection, and a request may select more than
 * once (a retried read or write selects again with a fresh timeout; a request has several
 * database steps: API key lookup, shared rate limit, resolvers, DataLoader batches). The
 * timeout is large here so that the bound (the timeout plus a fixed slack for a loaded
 * machine) stays well below two selection rounds: load cannot flip the verdict either way.
 */
const TIMEOUT_MS = 4_000;
const SLACK_MS = 2_500;
const BOUND_MS = TIMEOUT_MS + SLACK_MS;

const LIST = `{ cases(first: 5) { totalCount edges { node { id title } } } }`;
const DETAIL = `query($id: ID!) { case(id: $id) { id title assignee { id name } alerts(first: 3) { id } } }`;
const CREATE = `mutation($title: String!) { createCase(input: { title: $title, severity: LOW }) { id } }`;
/** Mutation fields run one after the other. */
const TWO_CREATES = `mutation($title: String!) {
  first: createCase(input: { title: $title, severity: LOW }) { id }
  second: createCase(input: { title: $title, severity: LOW }) { id }
}`;
const UPDATE = `mutation($id: ID!) { updateCase(id: $id, input: { title: "renamed" }) { id } }`;

const engine = useEngineProcess("outage-bound");
/** Without the shared rate limit, so that requests reach their later steps. */
let gateway: TestGateway;
/** With the shared rate limit: one more database step before the resolvers. */
let limited: TestGateway;
let caseId: string;

const codes = (result: GraphQLResult) => result.errors?.map((error) => error.extensions?.code);

beforeAll(async () => {
  const faults: FaultsConfig = { ...loadConfig({}).faults, dbUnavailableTimeoutMs: TIMEOUT_MS };
  const database = { uri: engine.uri, dbName: "outage_bound" } as TestDatabase;
  gateway = await startTestGateway(database, { faults });
  limited = await startTestGateway(database, { faults, protections: { rateLimitPerMinute: 100_000 } });
  const user = await gateway.graphql(
    `mutation { createUser(input: { email: "bound@example.com", name: "Bound", role: RESPONDER }) { id } }`,
  );
  expect(user.errors).toBeUndefined();
  const created = await gateway.graphql(
    `mutation($assignee: ID!) { createCase(input: { title: "before", severity: HIGH, assigneeId: $assignee }) { id } }`,
    { assignee: user.data.createUser.id },
  );
  expect(created.errors).toBeUndefined();
  caseId = created.data.createCase.id;
});

afterAll(async () => {
  // Thawed first: a gateway closes its connections before it stops.
  engine.signal("SIGCONT");
  await gateway?.stop();
  await limited?.stop();
});

/** Sends a request and records when its answer came, on the same clock as `killedAt`. */
async function timed(send: () => Promise<GraphQLResult>): Promise<GraphQLResult & { answeredAt: number }> {
  const result = await send();
  return { ...result, answeredAt: performance.now() };
}

describe("an outage answer is bounded by DB_UNAVAILABLE_TIMEOUT_MS for every request", () => {
  it("a request slower than the timeout on a reachable database is served, not cut", async () => {
    gateway.resetCommands();
    engine.signal("SIGSTOP");
    let answer: Promise<GraphQLResult>;
    try {
      answer = gateway.graphql(DETAIL, { id: caseId });
      expect(await eventually(async () => gateway.commands.length > 0, 30_000)).toBe(true);
      // Longer than the timeout, far shorter than a heartbeat's DB_CONNECT_TIMEOUT_MS (10 s):
      // the driver still knows the server, so the deadline is not armed.
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 1_000));
    } finally {
      engine.signal("SIGCONT");
    }
    const served = await answer;
    expect(served.status).toBe(200);
    expect(served.errors).toBeUndefined();
    expect(served.data.case.id).toBe(caseId);
  });

  it("requests caught in flight and requests sent after the kill all answer 503 DATABASE_UNAVAILABLE in time", async () => {
    // Every kind of request works first (pools are warm, transaction support is known).
    const requests: [string, () => Promise<GraphQLResult>][] = [
      ["list", () => gateway.graphql(LIST)],
      ["detail (DataLoader batches)", () => gateway.graphql(DETAIL, { id: caseId })],
      ["create (a transaction)", () => gateway.graphql(CREATE, { title: "during" })],
      ["two creates (in turn)", () => gateway.graphql(TWO_CREATES, { title: "twice" })],
      ["update (a retryable write)", () => gateway.graphql(UPDATE, { id: caseId })],
      [
        "API key lookup",
        () => gateway.graphql(LIST, {}, { authorization: "ApiKey not-a-key-the-db-must-check" }),
      ],
      ["shared rate limit, then two creates", () => limited.graphql(TWO_CREATES, { title: "limited" })],
    ];
    for (const [name, send] of requests) {
      const before = await send();
      if (name === "API key lookup") expect(before.status, name).toBe(401);
      else expect(codes(before), name).toBeUndefined();
    }

    // Caught in flight: sent to a frozen database, whose sockets then die with it.
    let checkouts = 0;
    const countCheckout = () => checkouts++;
    for (const instance of [gateway, limited])
      instance.gateway.client.on("connectionCheckOutStarted", countCheckout);
    engine.signal("SIGSTOP");
    const inFlight = requests.map(([, send]) => timed(send));
    // Each has asked for a connection for its first command (the shared rate limit's
    // counter, or the key lookup), and now waits on the frozen database.
    expect(await eventually(async () => checkouts >= requests.length, 30_000)).toBe(true);
    for (const instance of [gateway, limited])
      instance.gateway.client.off("connectionCheckOutStarted", countCheckout);
    const killedAt = performance.now();
    await engine.kill();
    // Sent after the kill.
    const after = requests.map(([, send]) => {
      const sentAt = performance.now();
      return timed(send).then((result) => ({ ...result, sentAt }));
    });

    const caught = await Promise.all(inFlight);
    const late = await Promise.all(after);
    const answers = requests.flatMap(([name], i) => [
      { label: `${name}, in flight`, result: caught[i]!, elapsedMs: caught[i]!.answeredAt - killedAt },
      {
        label: `${name}, after the kill`,
        result: late[i]!,
        elapsedMs: late[i]!.answeredAt - late[i]!.sentAt,
      },
    ]);
    console.log(
      answers
        .map(({ label, result, elapsedMs }) => `${label}: ${result.status} after ${Math.round(elapsedMs)} ms`)
        .join("\n"),
    );
    for (const { label, result, elapsedMs } of answers) {
      expect(result.status, label).toBe(503);
      expect(result.headers.get("retry-after"), label).toBe("1");
      expect(codes(result), label).toEqual(["DATABASE_UNAVAILABLE"]);
      expect(elapsedMs, label).toBeLessThan(BOUND_MS);
    }
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(503);

    // Back on the same port and data directory: served again without a restart.
    await engine.restart();
    expect(await eventually(async () => codes(await gateway.graphql(LIST)) === undefined, 30_000)).toBe(true);
    const detail = await gateway.graphql(DETAIL, { id: caseId });
    expect(detail.errors).toBeUndefined();
    expect(detail.data.case.assignee.name).toBe("Bound");
  });

  it("the request's deadline answers even where the driver would wait far longer", async () => {
    // A driver that waits a minute per server selection: only the gateway's own deadline
    // can answer within DB_UNAVAILABLE_TIMEOUT_MS, whatever the driver does.
    const patient = await startTestGateway({ uri: engine.uri, dbName: "outage_bound" } as TestDatabase, {
      faults: { ...loadConfig({}).faults, dbUnavailableTimeoutMs: TIMEOUT_MS },
      mongoClientOptions: { serverSelectionTimeoutMS: 60_000 },
    });
    try {
      expect(codes(await patient.graphql(DETAIL, { id: caseId }))).toBeUndefined();
      let checkouts = 0;
      const countCheckout = () => checkouts++;
      patient.gateway.client.on("connectionCheckOutStarted", countCheckout);
      engine.signal("SIGSTOP");
      const pending = [LIST, TWO_CREATES].map((query) =>
        timed(() => patient.graphql(query, { title: "patient" })),
      );
      expect(await eventually(async () => checkouts >= 2, 30_000)).toBe(true);
      patient.gateway.client.off("connectionCheckOutStarted", countCheckout);
      // The sockets die with the engine: the driver retries each command after a new server
      // selection, which would wait a minute.
      const killedAt = performance.now();
      await engine.kill();
      for (const result of await Promise.all(pending)) {
        expect(result.status).toBe(503);
        expect(codes(result)).toEqual(["DATABASE_UNAVAILABLE"]);
        expect(result.answeredAt - killedAt).toBeLessThan(BOUND_MS);
      }
    } finally {
      await patient.stop();
    }
  }, 120_000);
});
