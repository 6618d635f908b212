import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../src/domain/user-role.enum";
import { useGatewayOver } from "../helpers/use-gateway-over";
import { useTestGateway } from "../helpers/use-test-gateway";
import { bearer } from "../helpers/test-jwt";

/**
 * The access rules, written independently of the resolvers: the weakest role allowed
 * for every root field. An operation the schema gains without an entry here fails
 * the "covers every operation" test.
 */
const MINIMUM_ROLE: Record<string, UserRole> = {
  // Queries
  me: UserRole.VIEWER,
  case: UserRole.VIEWER,
  cases: UserRole.VIEWER,
  alert: UserRole.VIEWER,
  alerts: UserRole.VIEWER,
  user: UserRole.VIEWER,
  users: UserRole.ANALYST,
  searchCases: UserRole.ANALYST,
  caseStatistics: UserRole.ANALYST,
  alertTrends: UserRole.ANALYST,
  alertSeverityBreakdown: UserRole.ANALYST,
  alertMetrics: UserRole.ANALYST,
  caseMetrics: UserRole.ANALYST,
  caseBacklog: UserRole.ANALYST,
  auditLog: UserRole.ADMIN,
  // Admin API
  health: UserRole.ADMIN,
  collectionStats: UserRole.ADMIN,
  indexUsage: UserRole.ADMIN,
  unusedIndexes: UserRole.ADMIN,
  slowOperations: UserRole.ADMIN,
  currentOperations: UserRole.ADMIN,
  setProfilingLevel: UserRole.ADMIN,
  // Case and alert mutations
  createCase: UserRole.RESPONDER,
  updateCase: UserRole.RESPONDER,
  changeCaseStatus: UserRole.RESPONDER,
  assignCase: UserRole.RESPONDER,
  addCaseTags: UserRole.RESPONDER,
  removeCaseTags: UserRole.RESPONDER,
  deleteCase: UserRole.RESPONDER,
  createAlert: UserRole.RESPONDER,
  resolveAlert: UserRole.RESPONDER,
  linkAlertToCase: UserRole.RESPONDER,
  unlinkAlert: UserRole.RESPONDER,
  // User mutations
  createUser: UserRole.ADMIN,
  updateUser: UserRole.ADMIN,
  updateUserRole: UserRole.ADMIN,
};

const MISSING = "0000000000000000000000ff";

/** One request per root field: well-typed, aimed at nothing that exists where it can be. */
const DOCUMENTS: Record<string, () => string> = {
  me: () => `{ me { kind role } }`,
  case: () => `{ case(id: "${MISSING}") { id } }`,
  cases: () => `{ cases(first: 1) { totalCount } }`,
  alert: () => `{ alert(id: "${MISSING}") { id } }`,
  alerts: () => `{ alerts(first: 1) { totalCount } }`,
  user: () => `{ user(id: "${MISSING}") { id name } }`,
  users: () => `{ users(first: 1) { totalCount } }`,
  searchCases: () => `{ searchCases(query: "disk") { score } }`,
  caseStatistics: () => `{ caseStatistics { count } }`,
  alertTrends: () => `{ alertTrends { count } }`,
  alertSeverityBreakdown: () => `{ alertSeverityBreakdown { count } }`,
  alertMetrics: () => `{ alertMetrics { rows { count } } }`,
  caseMetrics: () => `{ caseMetrics { rows { count } } }`,
  caseBacklog: () => `{ caseBacklog(timeBucket: { granularity: DAY }) { rows { open } } }`,
  auditLog: () => `{ auditLog(first: 1) { totalCount } }`,
  health: () => `{ health { reachable } }`,
  collectionStats: () => `{ collectionStats(name: "cases") { documents } }`,
  indexUsage: () => `{ indexUsage(collection: "cases") { name ops } }`,
  unusedIndexes: () => `{ unusedIndexes { collection name } }`,
  slowOperations: () => `{ slowOperations(first: 1) { op } }`,
  currentOperations: () => `{ currentOperations { opid } }`,
  setProfilingLevel: () => `mutation { setProfilingLevel(level: 0) { level } }`,
  createCase: () => `mutation { createCase(input: { title: "matrix", severity: LOW }) { id } }`,
  updateCase: () => `mutation { updateCase(id: "${MISSING}", input: { title: "x" }) { id } }`,
  changeCaseStatus: () => `mutation { changeCaseStatus(id: "${MISSING}", status: IN_PROGRESS) { id } }`,
  assignCase: () => `mutation { assignCase(id: "${MISSING}", assigneeId: null) { id } }`,
  addCaseTags: () => `mutation { addCaseTags(id: "${MISSING}", tags: ["a"]) { id } }`,
  removeCaseTags: () => `mutation { removeCaseTags(id: "${MISSING}", tags: ["a"]) { id } }`,
  deleteCase: () => `mutation { deleteCase(id: "${MISSING}") { deletedCaseId } }`,
  createAlert: () =>
    `mutation { createAlert(input: { type: "cpu", source: "matrix", severity: LOW }) { id } }`,
  resolveAlert: () => `mutation { resolveAlert(id: "${MISSING}", resolution: "done") { id } }`,
  linkAlertToCase: () => `mutation { linkAlertToCase(alertId: "${MISSING}", caseId: "${MISSING}") { id } }`,
  unlinkAlert: () => `mutation { unlinkAlert(alertId: "${MISSING}") { id } }`,
  createUser: () =>
    `mutation { createUser(input: { email: "m${new ObjectId().toHexString()}@example.com", name: "M" }) { id } }`,
  updateUser: () => `mutation { updateUser(id: "${MISSING}", input: { name: "x" }) { id } }`,
  updateUserRole: () => `mutation { updateUserRole(id: "${MISSING}", role: VIEWER) { id } }`,
};

const RANK: Record<UserRole, number> = {
  [UserRole.VIEWER]: 0,
  [UserRole.ANALYST]: 1,
  [UserRole.RESPONDER]: 2,
  [UserRole.ADMIN]: 3,
};
const ROLES = [UserRole.VIEWER, UserRole.ANALYST, UserRole.RESPONDER, UserRole.ADMIN];

let rootFields: string[];
const userId = new ObjectId();
const otherId = new ObjectId();

const { database, gateway } = useTestGateway("role-matrix", {
  seed: async (db) => {
    const now = new Date();
    await db.collection("users").insertMany([
      {
        _id: userId,
        email: "self@example.com",
        name: "Self",
        role: "viewer",
        settings: {},
        created_at: now,
        last_login: null,
      },
      {
        _id: otherId,
        email: "other@example.com",
        name: "Other",
        role: "admin",
        settings: {},
        created_at: now,
        last_login: null,
      },
    ]);
  },
});

// Two more gateways over the fixture's database: anonymous callers are VIEWERs, or refused.
const anonymousGateway = useGatewayOver(database, {
  auth: { allowAnonymous: "viewer" },
  authorization: null,
});
const closedGateway = useGatewayOver(database, { authorization: null });

beforeAll(async () => {
  const introspection = await gateway.graphql<{
    query: { fields: { name: string }[] };
    mutation: { fields: { name: string }[] };
  }>(
    `{ query: __type(name: "Query") { fields { name } } mutation: __type(name: "Mutation") { fields { name } } }`,
  );
  rootFields = [...introspection.data!.query.fields, ...introspection.data!.mutation.fields].map(
    (f) => f.name,
  );
});

describe("the role matrix", () => {
  it("covers every operation of the schema (a new operation needs a rule here)", () => {
    expect([...rootFields].sort()).toEqual(Object.keys(MINIMUM_ROLE).sort());
    expect(Object.keys(DOCUMENTS).sort()).toEqual(Object.keys(MINIMUM_ROLE).sort());
  });

  for (const role of ROLES) {
    it(`${role.toUpperCase()}: allowed operations run, the others are FORBIDDEN without a database command`, async () => {
      const headers = await bearer(role);
      const outcomes: string[] = [];
      for (const [field, minimum] of Object.entries(MINIMUM_ROLE)) {
        gateway.resetCommands();
        const result = await gateway.graphql(DOCUMENTS[field]!(), undefined, headers);
        const codes = (result.errors ?? []).map((error) => error.extensions?.code);
        const allowed = RANK[role] >= RANK[minimum];
        if (allowed) {
          if (codes.includes("FORBIDDEN") || codes.includes("UNAUTHENTICATED"))
            outcomes.push(`${field}: refused`);
          if (codes.includes("INTERNAL_SERVER_ERROR"))
            outcomes.push(`${field}: ${JSON.stringify(result.errors)}`);
        } else {
          if (codes[0] !== "FORBIDDEN")
            outcomes.push(`${field}: not FORBIDDEN (${JSON.stringify(result.body)})`);
          if (gateway.commands.length !== 0) outcomes.push(`${field}: ${gateway.commands.length} commands`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  }

  it("anonymous callers (ALLOW_ANONYMOUS=viewer) have exactly the VIEWER rights", async () => {
    const outcomes: string[] = [];
    for (const [field, minimum] of Object.entries(MINIMUM_ROLE)) {
      const result = await anonymousGateway.graphql(DOCUMENTS[field]!());
      const forbidden = result.errors?.[0]?.extensions?.code === "FORBIDDEN";
      if (forbidden !== (minimum !== UserRole.VIEWER)) {
        outcomes.push(`${field}: ${JSON.stringify(result.body)}`);
      }
    }
    expect(outcomes).toEqual([]);
    const me = await anonymousGateway.graphql(`{ me { kind role user { id } apiKeyName } }`);
    expect(me.data).toEqual({ me: { kind: "ANONYMOUS", role: "VIEWER", user: null, apiKeyName: null } });
  });

  it("without credentials (and no ALLOW_ANONYMOUS) every operation is 401 UNAUTHENTICATED, no database command", async () => {
    for (const field of Object.keys(MINIMUM_ROLE)) {
      closedGateway.resetCommands();
      const result = await closedGateway.graphql(DOCUMENTS[field]!());
      expect(result.status, field).toBe(401);
      expect(result.errors?.[0]?.extensions?.code, field).toBe("UNAUTHENTICATED");
      expect(closedGateway.commands, field).toHaveLength(0);
    }
  });

  it("/healthz and /readyz stay open", async () => {
    expect((await fetch(`${closedGateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${closedGateway.url}/readyz`)).status).toBe(200);
  });
});

describe("field rules", () => {
  const query = `query($id: ID!) { user(id: $id) { id name role email } }`;

  it("User.email: ADMIN sees every email", async () => {
    const result = await gateway.graphql(query, { id: userId.toHexString() }, await bearer(UserRole.ADMIN));
    expect(result.errors).toBeUndefined();
    expect(result.data.user.email).toBe("self@example.com");
  });

  it("User.email: a user sees their own", async () => {
    const headers = await bearer(UserRole.VIEWER, { sub: userId.toHexString() });
    const result = await gateway.graphql(query, { id: userId.toHexString() }, headers);
    expect(result.errors).toBeUndefined();
    expect(result.data.user.email).toBe("self@example.com");
  });

  for (const role of [UserRole.VIEWER, UserRole.ANALYST, UserRole.RESPONDER]) {
    it(`User.email: ${role.toUpperCase()} gets FORBIDDEN for someone else's, but id/name/role are readable`, async () => {
      const headers = await bearer(role, { sub: userId.toHexString() });
      const refused = await gateway.graphql(query, { id: otherId.toHexString() }, headers);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(refused.errors?.[0]?.path).toEqual(["user", "email"]);
      const allowed = await gateway.graphql(
        `query($id: ID!) { user(id: $id) { id name role } }`,
        { id: otherId.toHexString() },
        headers,
      );
      expect(allowed.data.user).toEqual({ id: otherId.toHexString(), name: "Other", role: "ADMIN" });
    });
  }

  it("me: the user of a JWT", async () => {
    const headers = await bearer(UserRole.ANALYST, { sub: userId.toHexString() });
    const result = await gateway.graphql(
      `{ me { kind role user { id name email } apiKeyName } }`,
      undefined,
      headers,
    );
    expect(result.data).toEqual({
      me: {
        kind: "USER",
        role: "ANALYST",
        user: { id: userId.toHexString(), name: "Self", email: "self@example.com" },
        apiKeyName: null,
      },
    });
  });

  it("writes record the caller as the audit actor", async () => {
    const headers = await bearer(UserRole.RESPONDER, { sub: userId.toHexString() });
    const created = await gateway.graphql(
      `mutation { createCase(input: { title: "actor", severity: LOW }) { id } }`,
      undefined,
      headers,
    );
    expect(created.errors).toBeUndefined();
    const entry = await database.db
      .collection("audit_logs")
      .findOne({ target_id: ObjectId.createFromHexString(created.data.createCase.id) });
    expect(entry?.actor).toBe(userId.toHexString());
  });
});
