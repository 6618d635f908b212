import { registerEnumType } from "type-graphql";

/** The instant of a case that caseMetrics buckets and ranges apply to. Values are stored field names. */
export enum CaseTimeField {
  CREATED_AT = "created_at",
  RESOLVED_AT = "resolved_at",
}

registerEnumType(CaseTimeField, {
  name: "CaseTimeField",
  description: "Which instant of a case the range and buckets apply to (RESOLVED_AT: resolved cases only)",
});
