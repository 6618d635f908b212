/** Stages that reshape each document on its own: they neither filter, order, group nor join. */
export const RESHAPING_STAGES: readonly string[] = [
  "$project",
  "$addFields",
  "$set",
  "$unset",
  "$replaceRoot",
  "$replaceWith",
];
