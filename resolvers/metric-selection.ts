import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { type ValueNode, valueFromASTUntyped } from "graphql";
import type { DurationPercentile } from "../src/pipelines/case-measures";

/** The drill-down connections of metric rows: not measures, and priced per row. */
const DRILL_DOWNS: ReadonlySet<string> = new Set(["alerts", "cases"]);
const PERCENTILES: readonly DurationPercentile[] = ["p50", "p90", "p95", "p99"];

/**
 * The field names selected under `rows` (and under `rows.previous`, `resolutionTime`),
 * fragments included and drill-downs excluded: the measures the query must compute.
 */
export function selectedMeasures(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, collect: boolean): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === "Field") {
        const name = selection.name.value;
        if (collect) {
          if (DRILL_DOWNS.has(name)) continue;
          names.add(name);
          visit(selection.selectionSet, true);
        } else if (name === "rows") visit(selection.selectionSet, true);
      } else if (selection.kind === "InlineFragment") visit(selection.selectionSet, collect);
      else visit(info.fragments[selection.name.value]?.selectionSet, collect);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, false);
  return names;
}

/** The resolutionTime percentiles among the selected measures. */
export function selectedPercentiles(selected: ReadonlySet<string>): DurationPercentile[] {
  return PERCENTILES.filter((name) => selected.has(name));
}

/**
 * The page sizes of the drill-downs selected under `rows` (`alerts(first:)`,
 * `cases(first:)`; 20 when not given), for the cost of a metrics query: each row may
 * fetch a page.
 */
export function drillDownPageSizes(
  node: FieldNode,
  variables: Record<string, unknown>,
  fragments: Record<string, FragmentDefinitionNode> = {},
): number {
  let total = 0;
  const visit = (selectionSet: SelectionSetNode | undefined, inRows: boolean): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === "Field") {
        const name = selection.name.value;
        if (!inRows) {
          if (name === "rows") visit(selection.selectionSet, true);
        } else if (DRILL_DOWNS.has(name)) {
          const first = selection.arguments?.find((argument) => argument.name.value === "first");
          const value = first ? valueFromASTUntyped(first.value as ValueNode, variables) : undefined;
          total += 1 + (typeof value === "number" ? value : 20);
        }
      } else if (selection.kind === "InlineFragment") visit(selection.selectionSet, inRows);
      else visit(fragments[selection.name.value]?.selectionSet, inRows);
    }
  };
  visit(node.selectionSet, false);
  return total;
}
