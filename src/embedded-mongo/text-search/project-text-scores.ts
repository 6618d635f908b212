import { projectDocuments } from "../query/project-documents";
import { isTextScoreMeta } from "../query/sort-spec";
import type { Doc } from "../storage/doc";

/**
 * A find projection over `$text` results: `{field: {$meta: "textScore"}}` entries receive the
 * document's score (added last, as mongod does); the rest of the projection is applied as usual
 * (a projection holding only $meta entries keeps every field).
 */
export function* projectTextScores(
  rows: Iterator<[number, Doc]>,
  scores: Map<number, number>,
  projection: Record<string, unknown> | undefined,
  filter: Record<string, unknown>,
): Generator<Doc> {
  const metaFields: string[] = [];
  const rest: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(projection ?? {})) {
    if (isTextScoreMeta(value)) metaFields.push(field);
    else rest[field] = value;
  }
  let score = 0;
  function* docs(): Generator<Doc> {
    for (let r = rows.next(); !r.done; r = rows.next()) {
      score = scores.get(r.value[0]) ?? 0;
      yield r.value[1];
    }
  }
  for (const out of projectDocuments(docs(), rest, filter)) {
    if (metaFields.length === 0) {
      yield out;
      continue;
    }
    const copy: Doc = { ...out };
    for (const field of metaFields) copy[field] = score;
    yield copy;
  }
}
