import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";
import type { FoundDocuments } from "../query/find-documents";
import { isTextScoreMeta } from "../query/sort-spec";
import type { Doc } from "../storage/doc";
import { mentionsText } from "./extract-text-query";

/** Where a `$text` pipeline carries each document's score between stages (removed at the end). */
export const TEXT_SCORE_FIELD = "__jupiterTextScore";

/**
 * The source and remaining stages of a pipeline whose leading `$match` used `$text`: documents
 * carry their score in a hidden field, `{$meta: "textScore"}` in later stages reads it (and
 * `$sort` by it is descending), and a final `$project` removes it.
 */
export function textPipelineSource(
  found: FoundDocuments,
  rest: Record<string, unknown>[],
): [Generator<Doc>, Record<string, unknown>[]] {
  const scores = found.scores as Map<number, number>;
  function* source(): Generator<Doc> {
    for (let r = found.rows.next(); !r.done; r = found.rows.next()) {
      yield { ...r.value[1], [TEXT_SCORE_FIELD]: scores.get(r.value[0]) ?? 0 };
    }
  }
  const stages = rest.map(rewriteStage);
  stages.push({ $project: { [TEXT_SCORE_FIELD]: 0 } });
  return [source(), stages];
}

/** `$match` with `$text` anywhere but first: mongod's error 17313. */
export function assertTextOnlyFirst(stages: Record<string, unknown>[], firstIsText: boolean): void {
  stages.forEach((stage, i) => {
    if (i === 0 && firstIsText) return;
    if ("$match" in stage && mentionsText(stage.$match)) {
      throw new CommandError(17313, "$match with $text is only allowed as the first pipeline stage");
    }
  });
}

function rewriteStage(stage: Record<string, unknown>): Record<string, unknown> {
  const [name] = Object.keys(stage);
  const body = stage[name];
  if (name === "$sort" && isPlainObject(body)) {
    const sort: Record<string, unknown> = {};
    for (const [field, dir] of Object.entries(body)) {
      if (isTextScoreMeta(dir)) sort[TEXT_SCORE_FIELD] = -1;
      else sort[field] = dir;
    }
    return { $sort: sort };
  }
  if (name === "$lookup" || name === "$unionWith" || name === "$facet") return stage;
  return { [name]: rewriteMeta(body) };
}

function rewriteMeta(value: unknown): unknown {
  if (isTextScoreMeta(value)) return `$${TEXT_SCORE_FIELD}`;
  if (Array.isArray(value)) return value.map(rewriteMeta);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = rewriteMeta(v);
  return out;
}
