import { registerEnumType } from "type-graphql";

/** What a list of alerts can be ordered by. */
export enum AlertOrderField {
  TIMESTAMP = "TIMESTAMP",
  SEVERITY = "SEVERITY",
}

registerEnumType(AlertOrderField, {
  name: "AlertOrderField",
  description: "Sort key of a list of alerts; ties are broken by id in the same direction",
  valuesConfig: {
    SEVERITY: { description: "By severity rank (low < medium < high < critical), not alphabetically" },
  },
});
