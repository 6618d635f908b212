import { Resolver } from "type-graphql";
import { AlertConnection } from "../schema/types/alert-connection.type";
import { AlertMetricRow } from "../schema/types/alert-metric-row.type";
import { drillDownResolver } from "./metric-row-drill-down.resolver-factory";

/** Drill-down from an alertMetrics row to its alerts. */
@Resolver(() => AlertMetricRow)
export class AlertMetricRowResolver extends drillDownResolver(AlertMetricRow, {
  field: "alerts",
  connection: AlertConnection,
  page: (metrics, filter, first, after) => metrics.alertPage(filter, first, after),
}) {}
