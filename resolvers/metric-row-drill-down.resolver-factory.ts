import type { Document } from "mongodb";
import { Args, type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ConnectionArguments } from "../schema/arguments/connection.arguments";
import type { GatewayContext } from "../src/context";
import type { MetricsRepository } from "../src/repositories/metrics.repository";
import type { Page } from "../src/repositories/page";

/** How a metric row's drill-down field is named and what it reads. */
export interface DrillDown<TNode> {
  /** The field, and the documents it lists: "alerts", "cases". */
  field: string;
  /** The connection type of the field. */
  connection: ClassType<object>;
  /** One page of the documents behind a row, by the row's drill-down filter. */
  page(metrics: MetricsRepository, filter: Document, first: number, after?: string): Promise<Page<TNode>>;
}

/**
 * The drill-down field of a metrics row (alertMetrics' `alerts`, caseMetrics' `cases`): the
 * documents behind the row, newest first, a page at a time. An abstract base resolver over
 * the row type, extending `base` (another such base, or nothing).
 */
export function drillDownResolver<TRow extends { drillDown: Document }, TNode>(
  row: ClassType<TRow>,
  drillDown: DrillDown<TNode>,
  base: abstract new () => object = Object,
) {
  @Resolver(() => row)
  abstract class DrillDownResolver extends (base as ClassType<object>) {
    @FieldResolver(() => drillDown.connection, {
      name: drillDown.field,
      description: `The ${drillDown.field} behind this row (its dimension values, its bucket and the query's filter and range), newest first`,
    })
    drillDownPage(
      @Root() row: TRow,
      @Args(() => ConnectionArguments) { first, after }: ConnectionArguments,
      @Ctx() { repositories }: GatewayContext,
    ): Promise<Page<TNode>> {
      return drillDown.page(repositories.metrics, row.drillDown, first, after);
    }
  }

  return DrillDownResolver;
}
