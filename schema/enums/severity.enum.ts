import { registerEnumType } from "type-graphql";
import { Severity } from "../../src/domain/severity.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { Severity };

registerEnumType(Severity, {
  name: "Severity",
  description: "Severity, ranked low < medium < high < critical",
});
