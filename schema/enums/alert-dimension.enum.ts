import { registerEnumType } from "type-graphql";

/** What alertMetrics groups by. Values are the pipelines' dimension names. */
export enum AlertDimension {
  TYPE = "type",
  SOURCE = "source",
  SEVERITY = "severity",
  RESOLVED = "resolved",
}

registerEnumType(AlertDimension, {
  name: "AlertDimension",
  description: "A dimension alertMetrics groups by; severity sorts by rank, the others by value",
});
