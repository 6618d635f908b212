import { registerEnumType } from "type-graphql";
import { CaseOrderField } from "../../src/domain/case-order-field.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { CaseOrderField };

registerEnumType(CaseOrderField, {
  name: "CaseOrderField",
  description: "Sort key of a list of cases; ties are broken by id in the same direction",
  valuesConfig: {
    SEVERITY: { description: "By severity rank (low < medium < high < critical), not alphabetically" },
    PRIORITY: { description: "By priority rank (low < medium < high < critical), not alphabetically" },
  },
});
