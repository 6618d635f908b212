import * as http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type GatewayProcess, postGraphQL, startGatewayProcess } from "../helpers/gateway-process";
import { useTestDatabase } from "../helpers/use-test-database";
import { bearer } from "../helpers/test-jwt";

/**
 * FUZZ_INPUTS (default 10,000) random or mutated requests go to one live gateway, a
 * `jupiter serve` process of its own (so that it and this client each have a core),
 * CONCURRENCY at a time over as many keep-alive connections. FUZZ_SEED replays a run; a
 * failure prints the input.
 */
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const CONCURRENCY = 24;

/** Valid documents of the schema; their variables are what the fuzzer varies. */
const TEMPLATES: { query: string; variables: string[] }[] = [
  {
    query: `query($first: Int, $after: String, $filter: CaseFilter, $orderBy: CaseOrder) {
      cases(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount edges { cursor node { id title tags } } } }`,
    variables: ["first", "after", "filter", "orderBy"],
  },
  { query: `query($id: ID!) { case(id: $id) { id title alerts { id } } }`, variables: ["id"] },
  {
    query: `query($first: Int, $after: String, $filter: AlertFilter) { alerts(first: $first, after: $after, filter: $filter) { totalCount } }`,
    variables: ["first", "after", "filter"],
  },
  {
    query: `query($from: DateTime, $to: DateTime, $timezone: String, $types: [String!]) {
      alertTrends(from: $from, to: $to, timezone: $timezone, types: $types) { count } }`,
    variables: ["from", "to", "timezone", "types"],
  },
  {
    query: `query($query: String!, $first: Int) { searchCases(query: $query, first: $first) { score } }`,
    variables: ["query", "first"],
  },
  {
    query: `mutation($input: CreateCaseInput!) { createCase(input: $input) { id title description tags metadata } }`,
    variables: ["input"],
  },
  {
    query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id email name } }`,
    variables: ["input"],
  },
  {
    query: `mutation($id: ID!, $input: UpdateCaseInput!) { updateCase(id: $id, input: $input) { id title } }`,
    variables: ["id", "input"],
  },
];

const oddString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "\ud800",
    "a\udfffb@example.com",
    "\u0000",
    "\u202e",
    "\ufeff",
    "𝕏𝕐",
    "$where",
    "a.b",
    "",
    " ",
  ),
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => "ŵ".repeat(n)),
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e20, -1e308, 1e308, 5e-324),
);
/** Arrays or objects nested up to a few hundred levels. */
const deep = fc.tuple(fc.integer({ min: 1, max: 300 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});
/** `$` and dotted keys inside JSON scalars (metadata, settings) and filters. */
const dollarKeys = fc.dictionary(
  fc.constantFrom("$where", "$gt", "$ne", "$expr", "a.b", "$", "__proto__", "constructor", "title"),
  fc.oneof(oddString, oddNumber, fc.constant({ $gt: "" })),
  { maxKeys: 4 },
);
const enumish = fc.constantFrom("LOW", "HIGH", "CRITICAL", "OPEN", "CREATED_AT", "DESC", "low", "NOPE");
const leaf: fc.Arbitrary<unknown> = fc.oneof(oddString, oddNumber, fc.boolean(), fc.constant(null), enumish);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: dollarKeys },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 60 }) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        title: leaf,
        severity: enumish,
        email: oddString,
        name: oddString,
        description: oddString,
        tags: fc.oneof(fc.array(oddString, { maxLength: 60 }), leaf),
        metadata: fc.oneof(dollarKeys, deep, leaf),
        settings: fc.oneof(dollarKeys, leaf),
        status: fc.array(enumish, { maxLength: 3 }),
        createdAfter: fc.oneof(oddString, oddNumber, fc.constant("2026-02-30T25:61:00Z")),
        field: enumish,
        direction: enumish,
      },
      { requiredKeys: [] },
    ),
  },
);

type FuzzInput =
  | { kind: "bytes"; bytes: Uint8Array; contentType: string }
  | { kind: "text"; text: string; contentType: string }
  | { kind: "json"; body: unknown };

const templated = fc
  .tuple(
    fc.integer({ min: 0, max: TEMPLATES.length - 1 }),
    fc.array(anyValue, { minLength: 4, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([index, values, dropOne]): FuzzInput => {
    const template = TEMPLATES[index]!;
    const variables: Record<string, unknown> = {};
    template.variables.forEach((name, i) => {
      if (!(dropOne && i === 0)) variables[name] = values[i];
    });
    return { kind: "json", body: { query: template.query, variables } };
  });
/** A template's text with a few characters deleted, duplicated or replaced. */
const mutatedDocument = fc
  .tuple(
    fc.integer({ min: 0, max: TEMPLATES.length - 1 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom("delete", "insert", "replace"),
        fc.string({ unit: "binary", maxLength: 3 }),
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  )
  .map(([index, edits]): FuzzInput => {
    let text = TEMPLATES[index]!.query;
    for (const [at, op, chars] of edits) {
      const i = at % (text.length + 1);
      if (op === "delete") text = text.slice(0, i) + text.slice(i + 1);
      else if (op === "insert") text = text.slice(0, i) + chars + text.slice(i);
      else text = text.slice(0, i) + chars + text.slice(i + chars.length);
    }
    return { kind: "json", body: { query: text, variables: {} } };
  });
const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 6, arbitrary: templated },
  { weight: 2, arbitrary: mutatedDocument },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("bytes" as const),
      bytes: fc.uint8Array({ maxLength: 400 }),
      contentType: fc.constantFrom(
        "application/json",
        "application/octet-stream",
        "text/plain",
        "application/graphql",
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("text" as const),
      text: fc.oneof(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.string().map((s) => `{"query": "${s}`),
        fc.constantFrom(
          "",
          "null",
          "[]",
          "[[]]",
          "{}",
          '{"query": null}',
          '{"query": 1}',
          '{"query": "{ __typename }", "variables": "x"}',
        ),
      ),
      contentType: fc.constant("application/json"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          query: fc.oneof(oddString, fc.constant("{ __typename }"), fc.constant("subscription { x }")),
          variables: anyValue,
          operationName: fc.oneof(oddString, fc.constant(null)),
          extensions: fc.oneof(
            dollarKeys,
            fc.record({ persistedQuery: fc.record({ version: oddNumber, sha256Hash: oddString }) }),
          ),
        },
        { requiredKeys: [] },
      )
      .map((body): FuzzInput => ({ kind: "json", body })),
  },
);

const database = useTestDatabase("fuzzed-input");
let gateway: GatewayProcess;
let auth: Record<string, string>;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

beforeAll(async () => {
  gateway = await startGatewayProcess({
    MONGODB_URI: database.uri,
    MONGODB_DB: database.dbName,
    RATE_LIMIT_PER_MINUTE: "0",
    CACHE_MAX_BYTES: "0",
    LOG_LEVEL: "error",
  });
  auth = await bearer(UserRole.ADMIN);
}, 120_000);

afterAll(async () => {
  agent.destroy();
  await gateway?.kill();
});

/** POSTs one body over the keep-alive agent; answers the status and the body as latin1 (enough to look for ASCII). */
function post(body: string | Uint8Array, contentType: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        hostname,
        port,
        path: "/graphql",
        method: "POST",
        headers: {
          ...auth,
          "content-type": contentType,
          "content-length": typeof body === "string" ? Buffer.byteLength(body) : body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("latin1") }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Sends one input; answers a description of what is wrong with the response, or undefined. */
async function send(input: FuzzInput): Promise<string | undefined> {
  const body =
    input.kind === "bytes" ? input.bytes : input.kind === "text" ? input.text : JSON.stringify(input.body);
  const contentType = input.kind === "json" ? "application/json" : input.contentType;
  const { status, text } = await post(body, contentType);
  if (status >= 500) return `HTTP ${status}: ${text.slice(0, 300)}`;
  if (text.includes('"INTERNAL_SERVER_ERROR"')) return `INTERNAL_SERVER_ERROR: ${text.slice(0, 300)}`;
  return undefined;
}

describe("fuzzed input", () => {
  it(`${INPUTS} random or mutated requests: no 5xx, no INTERNAL_SERVER_ERROR, and the server still answers`, async () => {
    console.log(`[fuzz] ${INPUTS} inputs, FUZZ_SEED=${SEED}`);
    const t0 = performance.now();
    const inputs = fc.sample(fuzzInput, { numRuns: INPUTS, seed: SEED });
    const sampledMs = performance.now() - t0;
    expect(inputs).toHaveLength(INPUTS);
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < inputs.length && failures.length < 5) {
        const input = inputs[next++]!;
        const problem = await send(input).catch((error: unknown) => `transport: ${String(error)}`);
        if (problem) failures.push(`${problem}\n  input: ${JSON.stringify(input).slice(0, 500)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(
      `[fuzz] sampled in ${Math.round(sampledMs)} ms, sent in ${Math.round(performance.now() - t0 - sampledMs)} ms`,
    );
    expect(failures).toEqual([]);
    const after = await postGraphQL(gateway.url, `{ __typename }`, {}, auth);
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual({ __typename: "Query" });
    // Every admission slot came back, whatever became of its request.
    const health = await fetch(`${gateway.url}/healthz`);
    expect(health.headers.get("x-requests-in-flight")).toBe("0");
    expect(health.headers.get("x-requests-queued")).toBe("0");
  }, 600_000);
});
