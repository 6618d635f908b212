/** Per-operation execution counters (explain, profiler, tests). */
export interface OpStats {
  stage: "COLLSCAN" | "IXSCAN" | "EOF" | "TEXT";
  indexName?: string;
  keysExamined: number;
  docsExamined: number;
  nReturned: number;
}

export function newOpStats(): OpStats {
  return { stage: "COLLSCAN", keysExamined: 0, docsExamined: 0, nReturned: 0 };
}
