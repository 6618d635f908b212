import { registerEnumType } from "type-graphql";
import { MetricSource } from "../../src/domain/metric-source.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { MetricSource };

registerEnumType(MetricSource, {
  name: "MetricSource",
  description:
    "Where a metrics answer came from: ROLLUP (alert_rollups only), LIVE (the raw documents), MIXED (rollup buckets up to the watermark plus the raw alerts after it)",
});
