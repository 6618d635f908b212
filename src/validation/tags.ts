import { MAX_TAGS, TAG_MAX_LENGTH } from "./write-limits";

/**
 * The tags as stored: each trimmed, duplicates dropped (the first occurrence keeps its
 * place). Call it on a list that passed tagListProblems.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()))];
}

/** One broken tag rule: the class-validator constraint name and a predicate message. */
export interface TagListProblem {
  constraint: "tagNotEmpty" | "tagMaxLength" | "maxTags";
  message: string;
}

/**
 * Every rule a list of tags breaks, judged after trimming and de-duplication: no empty
 * tag, none longer than TAG_MAX_LENGTH, at most MAX_TAGS distinct tags.
 */
export function tagListProblems(tags: readonly unknown[]): TagListProblem[] {
  const problems: TagListProblem[] = [];
  const trimmed = tags.map((tag) => (typeof tag === "string" ? tag.trim() : ""));
  if (trimmed.some((tag) => tag.length === 0)) {
    problems.push({ constraint: "tagNotEmpty", message: "must not contain an empty tag (after trimming)" });
  }
  const long = trimmed.filter((tag) => tag.length > TAG_MAX_LENGTH);
  if (long.length > 0) {
    problems.push({
      constraint: "tagMaxLength",
      message: `must contain only tags of at most ${TAG_MAX_LENGTH} characters (after trimming); too long: ${long
        .slice(0, 3)
        .map((tag) => JSON.stringify(`${tag.slice(0, 20)}…`))
        .join(", ")}`,
    });
  }
  const distinct = new Set(trimmed).size;
  if (distinct > MAX_TAGS) {
    problems.push({
      constraint: "maxTags",
      message: `must list at most ${MAX_TAGS} distinct tags (it lists ${distinct})`,
    });
  }
  return problems;
}
