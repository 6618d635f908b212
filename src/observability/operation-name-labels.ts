/** The label of operations without a name. */
export const ANONYMOUS_OPERATION = "anonymous";
/** The label of names past the cardinality limit, and of strings that are not GraphQL names. */
export const OTHER_OPERATION = "other";

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/**
 * Bounds the `operation_name` label: clients choose operation names, so each new name
 * would otherwise be a new time series. The project's own operations (`known`) always
 * keep their label; of the others, the first `limit` distinct names keep theirs for
 * the life of the process and later ones share `other`.
 */
export class OperationNameLabels {
  private readonly known: ReadonlySet<string>;
  private readonly admitted = new Set<string>();

  constructor(
    private readonly limit: number,
    known: Iterable<string> = [],
  ) {
    this.known = new Set(known);
  }

  label(name: unknown): string {
    if (name === undefined || name === null || name === "") return ANONYMOUS_OPERATION;
    if (typeof name !== "string" || !GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    if (this.known.has(name) || this.admitted.has(name)) return name;
    if (this.admitted.size >= this.limit) return OTHER_OPERATION;
    this.admitted.add(name);
    return name;
  }
}
