import { connectionType } from "./connection.type-factory";
import { Case } from "./case.type";

/** A page of cases (Relay connection), with its CaseEdge. */
export const CaseConnection = connectionType(Case, {
  name: "Case",
  description: "A page of cases",
  noun: "case",
  nouns: "cases",
});
