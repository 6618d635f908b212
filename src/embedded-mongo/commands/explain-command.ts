import { runPipeline } from "../aggregation/run-pipeline";
import { CommandError } from "../errors/command-error";
import { Deadline } from "../query/deadline";
import { isPlainObject } from "../bson/is-plain-object";
import { findDocuments, type FindSpec } from "../query/find-documents";
import { newOpStats, type OpStats } from "../query/op-stats";
import type { QueryPlan } from "../query/query-plan";
import { toSortSpec } from "../query/sort-spec";
import { SERVER_VERSION } from "./build-info-command";
import type { CommandContext } from "./command-context";
import { scopeArg } from "./scope-arg";

/**
 * explain for find, count, distinct, aggregate, update and delete: the chosen plan
 * (IXSCAN/COLLSCAN) and, for reads, execution counters from actually running it.
 */
export function explainCommand(ctx: CommandContext): Record<string, unknown> {
  const inner = ctx.cmd.explain;
  if (!isPlainObject(inner)) throw new CommandError(14, "explain command requires a nested object");
  const verb = Object.keys(inner)[0];
  const collName = inner[verb];
  if (typeof collName !== "string") throw new CommandError(73, "explain: collection name must be a string");
  const coll = ctx.engine.db(ctx.dbName).get(collName);
  const deadline = new Deadline(inner.maxTimeMS);
  const stats = newOpStats();
  const started = Date.now();
  let spec: FindSpec;
  let plan: QueryPlan;
  let nReturned = 0;
  switch (verb) {
    case "find":
    case "count":
    case "distinct": {
      const filter = (verb === "find" ? inner.filter : inner.query) ?? {};
      spec = {
        filter: filter as Record<string, unknown>,
        sort: verb === "find" ? toSortSpec(inner.sort) : [],
        skip: typeof inner.skip === "number" ? inner.skip : 0,
        limit: typeof inner.limit === "number" ? Math.abs(inner.limit) : 0,
        hint: inner.hint,
        deadline,
        scope: scopeArg(verb === "find" ? inner.let : undefined, inner.collation, coll),
      };
      const found = findDocuments(coll, spec, stats);
      plan = found.plan;
      for (let r = found.rows.next(); !r.done; r = found.rows.next()) nReturned++;
      break;
    }
    case "aggregate": {
      const pipeline = Array.isArray(inner.pipeline) ? inner.pipeline : [];
      const first = pipeline[0];
      const filter = isPlainObject(first) && isPlainObject(first.$match) ? first.$match : {};
      const scope = scopeArg(undefined, inner.collation, coll);
      spec = { filter, sort: [], skip: 0, limit: 0, hint: inner.hint, deadline, scope };
      plan = findDocuments(coll, spec, newOpStats()).plan;
      const hasWrite = pipeline.some((s) => isPlainObject(s) && ("$out" in s || "$merge" in s));
      if (!hasWrite) {
        const docs = runPipeline(ctx.engine, ctx.dbName, collName, pipeline, {
          deadline,
          stats,
          hint: inner.hint,
          variables: isPlainObject(inner.let) ? inner.let : undefined,
          collation: inner.collation,
        });
        for (let r = docs.next(); !r.done; r = docs.next()) nReturned++;
      }
      break;
    }
    case "update":
    case "delete": {
      const statements = (verb === "update" ? inner.updates : inner.deletes) as unknown[] | undefined;
      const first = Array.isArray(statements) && isPlainObject(statements[0]) ? statements[0] : {};
      spec = {
        filter: isPlainObject(first.q) ? first.q : {},
        sort: [],
        skip: 0,
        limit: 0,
        hint: first.hint,
        deadline,
        scope: scopeArg(inner.let, first.collation, coll),
      };
      plan = findDocuments(coll, spec, newOpStats()).plan;
      break;
    }
    default:
      throw new CommandError(59, `Explain failed due to unknown command: ${verb}`);
  }
  const winningPlan = describePlan(plan, spec, coll === undefined);
  const [host, port] = ctx.address.split(":");
  return {
    explainVersion: "1",
    queryPlanner: {
      namespace: `${ctx.dbName}.${collName}`,
      indexFilterSet: false,
      parsedQuery: spec.filter,
      winningPlan,
      rejectedPlans: [],
    },
    executionStats: executionStats(stats, nReturned, Date.now() - started, winningPlan),
    command: inner,
    serverInfo: { host, port: Number(port), version: SERVER_VERSION, gitVersion: "embedded" },
    ok: 1,
  };
}

function describePlan(plan: QueryPlan, spec: FindSpec, missing: boolean): Record<string, unknown> {
  if (missing) return { stage: "EOF" };
  let stage: Record<string, unknown>;
  if (plan.text) {
    stage = textPlanStage(plan.text);
  } else if (plan.index) {
    stage = {
      stage: "FETCH",
      inputStage: {
        stage: "IXSCAN",
        keyPattern: plan.index.spec.key,
        indexName: plan.index.name,
        isMultiKey: plan.index.multikey,
        isUnique: plan.index.unique,
        isSparse: plan.index.spec.sparse === true,
        isPartial: plan.index.spec.partialFilterExpression !== undefined,
        direction: plan.reverse ? "backward" : "forward",
        indexBounds: plan.indexBounds,
      },
    };
  } else {
    stage = { stage: "COLLSCAN", direction: plan.reverse ? "backward" : "forward" };
  }
  if (Object.keys(spec.filter).length > 0) stage.filter = spec.filter;
  if (spec.sort.length > 0 && !plan.sortServed) {
    stage = {
      stage: "SORT",
      sortPattern: Object.fromEntries(spec.sort.map((s) => [s.path, s.dir])),
      inputStage: stage,
    };
  }
  if (spec.skip > 0) stage = { stage: "SKIP", skipAmount: spec.skip, inputStage: stage };
  if (spec.limit > 0) stage = { stage: "LIMIT", limitAmount: spec.limit, inputStage: stage };
  return stage;
}

/** mongod's $text plan: TEXT_MATCH over FETCH over TEXT_OR over the text index's IXSCAN. */
function textPlanStage(index: NonNullable<QueryPlan["text"]>): Record<string, unknown> {
  return {
    stage: "TEXT_MATCH",
    indexPrefix: {},
    indexName: index.name,
    inputStage: {
      stage: "FETCH",
      inputStage: {
        stage: "TEXT_OR",
        inputStage: {
          stage: "IXSCAN",
          keyPattern: index.spec.key,
          indexName: index.name,
          isMultiKey: true,
          direction: "backward",
        },
      },
    },
  };
}

function executionStats(
  stats: OpStats,
  nReturned: number,
  millis: number,
  winningPlan: Record<string, unknown>,
): Record<string, unknown> {
  return {
    executionSuccess: true,
    nReturned,
    executionTimeMillis: millis,
    totalKeysExamined: stats.keysExamined,
    totalDocsExamined: stats.docsExamined,
    executionStages: {
      ...winningPlan,
      nReturned,
      docsExamined: stats.docsExamined,
      keysExamined: stats.keysExamined,
    },
  };
}
