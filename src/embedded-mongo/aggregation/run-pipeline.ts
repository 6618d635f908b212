import { Aggregator } from "mingo/aggregator";
import { assertCollatedPipeline } from "../collation/assert-collated-pipeline";
import type { Collation } from "../collation/collation";
import { resolveCollation } from "../collation/resolve-collation";
import { CommandError } from "../errors/command-error";
import type { Deadline } from "../query/deadline";
import { isPlainObject } from "../bson/is-plain-object";
import { findDocuments, type FindSpec } from "../query/find-documents";
import { guardDecimals } from "../query/guard-decimals";
import { mingoOptions } from "../query/mingo-options";
import type { OpStats } from "../query/op-stats";
import { toSortSpec } from "../query/sort-spec";
import type { Database } from "../storage/database";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";
import { assertPipelineNamespace } from "./assert-pipeline-namespace";
import { indexStatsDocuments } from "./index-stats-documents";
import { listLocalSessionsDocuments } from "./list-local-sessions-documents";
import { collStatsDocuments, currentOpStageDocuments } from "./monitoring-sources";
import { writeMerge } from "./write-merge";
import { writeOut } from "./write-out";
import { assertTextOnlyFirst, textPipelineSource } from "../text-search/text-pipeline";
import { mentionsText } from "../text-search/extract-text-query";

export interface PipelineOptions {
  deadline: Deadline;
  stats: OpStats;
  variables?: Record<string, unknown>;
  hint?: unknown;
  /** host:port, reported by $indexStats. */
  host?: string;
  /** The `collation` option as the command gave it (undefined: the collection's default). */
  collation?: unknown;
}

/**
 * Runs an aggregation: a leading $match/$sort/$skip/$limit is answered by the query planner
 * (indexes), the rest by mingo with the engine's operator overrides; $out and $merge are carried
 * out by the engine on its own collections. Returns the (lazy) output documents.
 */
export function runPipeline(
  engine: Engine,
  dbName: string,
  collName: string | null,
  pipeline: unknown,
  options: PipelineOptions,
): Iterator<Doc> {
  if (!Array.isArray(pipeline)) throw new CommandError(14, "'pipeline' option must be specified as an array");
  const stages = pipeline.map((stage, i) => {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw new CommandError(
        40323,
        `A pipeline stage specification object must contain exactly one field (stage ${i}).`,
      );
    }
    return stage;
  });
  assertPipelineNamespace(stages, collName);
  const db = engine.db(dbName);
  const coll = collName === null ? undefined : db.get(collName);
  guardDecimals(coll, stages);
  const collation = resolveCollation(options.collation, coll);
  if (collation) assertCollatedPipeline(stages);
  const last = stages[stages.length - 1];
  const writeStage =
    last && ("$out" in last || "$merge" in last) ? (stages.pop() as Record<string, unknown>) : null;
  for (const stage of stages) {
    if ("$out" in stage || "$merge" in stage) {
      throw new CommandError(40601, `${Object.keys(stage)[0]} can only be the final stage in the pipeline`);
    }
  }
  let source: Iterable<Doc>;
  let rest: Record<string, unknown>[];
  const monitoringScope = () => ({ engine, dbName, collName, host: options.host ?? "" });
  if (stages[0] && "$indexStats" in stages[0]) {
    source = indexStatsDocuments(coll, options.host ?? "");
    rest = stages.slice(1);
  } else if (stages[0] && "$collStats" in stages[0]) {
    source = collStatsDocuments(monitoringScope(), stages[0].$collStats);
    rest = stages.slice(1);
  } else if (stages[0] && "$currentOp" in stages[0]) {
    source = currentOpStageDocuments(monitoringScope(), stages[0].$currentOp);
    rest = stages.slice(1);
  } else if (stages[0] && "$listLocalSessions" in stages[0]) {
    source = listLocalSessionsDocuments(engine, stages[0].$listLocalSessions);
    rest = stages.slice(1);
  } else if (collName === null) {
    [source, rest] = [emptySource(), stages];
  } else {
    [source, rest] = plannedSource(db, collName, stages, options, collation);
  }
  const aggregator = new Aggregator(rest, {
    ...mingoOptions,
    collectionResolver: (name: string) => Array.from(db.get(name)?.docs.values() ?? []),
    variables: options.variables,
    ...(collation ? { collation: collation.spec as never } : {}),
  });
  const output = aggregator.stream(source);
  const docs = iterate(output, options.deadline);
  if (!writeStage) return docs;
  if ("$out" in writeStage) writeOut(engine, db, writeStage.$out, docs);
  else writeMerge(engine, db, writeStage.$merge, docs, options.variables);
  return [][Symbol.iterator]();
}

function* emptySource(): Generator<Doc> {}

function* iterate(
  output: { next(): { done: boolean; value?: unknown } },
  deadline: Deadline,
): Generator<Doc> {
  for (;;) {
    const r = output.next();
    if (r.done) return;
    deadline.tick();
    yield r.value as Doc;
  }
}

/** Lets the planner (and its indexes) answer the leading $match, $sort, $skip and $limit. */
function plannedSource(
  db: Database,
  collName: string,
  stages: Record<string, unknown>[],
  options: PipelineOptions,
  collation: Collation | undefined,
): [Generator<Doc>, Record<string, unknown>[]] {
  const spec: FindSpec = {
    filter: {},
    sort: [],
    skip: 0,
    limit: 0,
    hint: options.hint,
    deadline: options.deadline,
    scope: collation ? { collation } : {},
  };
  let i = 0;
  if (
    stages[i] &&
    "$match" in stages[i] &&
    isPlainObject(stages[i].$match) &&
    !usesVariables(stages[i].$match)
  ) {
    spec.filter = stages[i].$match as Record<string, unknown>;
    i++;
  }
  const sort = stages[i]?.$sort;
  if (isPlainObject(sort) && !hasMetaSort(sort)) {
    spec.sort = toSortSpec(sort);
    i++;
  }
  if (stages[i] && "$skip" in stages[i] && typeof stages[i].$skip === "number") {
    spec.skip = stages[i].$skip as number;
    i++;
  }
  if (
    stages[i] &&
    "$limit" in stages[i] &&
    typeof stages[i].$limit === "number" &&
    (stages[i].$limit as number) > 0
  ) {
    spec.limit = stages[i].$limit as number;
    i++;
  }
  assertTextOnlyFirst(stages, mentionsText(spec.filter));
  const found = findDocuments(db.get(collName), spec, options.stats);
  if (found.scores) return textPipelineSource(found, stages.slice(i));
  return [docsOf(found.rows), stages.slice(i)];
}

function* docsOf(rows: Iterator<[number, Doc]>): Generator<Doc> {
  for (let r = rows.next(); !r.done; r = rows.next()) yield r.value[1];
}

function hasMetaSort(sort: Record<string, unknown>): boolean {
  return Object.values(sort).some((v) => isPlainObject(v));
}

/** $match with $$variables (from let) needs mingo's evaluation context. */
function usesVariables(v: unknown): boolean {
  if (typeof v === "string") return v.startsWith("$$");
  if (Array.isArray(v)) return v.some(usesVariables);
  if (isPlainObject(v)) return Object.values(v).some(usesVariables);
  return false;
}
