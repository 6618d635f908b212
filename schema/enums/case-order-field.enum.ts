import { registerEnumType } from "type-graphql";

/** What a list of cases can be ordered by. */
export enum CaseOrderField {
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
  SEVERITY = "SEVERITY",
  PRIORITY = "PRIORITY",
}

registerEnumType(CaseOrderField, {
  name: "CaseOrderField",
  description: "Sort key of a list of cases; ties are broken by id in the same direction",
  valuesConfig: {
    SEVERITY: { description: "By severity rank (low < medium < high < critical), not alphabetically" },
    PRIORITY: { description: "By priority rank (low < medium < high < critical), not alphabetically" },
  },
});
