import { ObjectType } from "type-graphql";
import { CaseMetricValues } from "./case-metric-values.type";
import { caseDimensionsType } from "./case-dimensions.type-factory";
import { metricRowType } from "./metric-row.type-factory";

/** One row of caseMetrics: a bucket and a dimension combination (or `other`). */
@ObjectType("CaseMetricRow", {
  description: "Cases of one bucket and dimension combination; `cases` lists them (drill-down)",
})
export class CaseMetricRow extends caseDimensionsType(
  metricRowType(CaseMetricValues, { bucketLabel: "2026-11-30, 2026-W48, 2026-11, 2026-Q4 …" }),
  { tag: "Grouped by TAG: the tag" },
) {}
