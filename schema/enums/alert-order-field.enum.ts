import { registerEnumType } from "type-graphql";
import { AlertOrderField } from "../../src/domain/alert-order-field.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { AlertOrderField };

registerEnumType(AlertOrderField, {
  name: "AlertOrderField",
  description: "Sort key of a list of alerts; ties are broken by id in the same direction",
  valuesConfig: {
    SEVERITY: { description: "By severity rank (low < medium < high < critical), not alphabetically" },
  },
});
