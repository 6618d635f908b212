import { registerEnumType } from "type-graphql";
import { Priority } from "../../src/domain/priority.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { Priority };

registerEnumType(Priority, {
  name: "Priority",
  description: "Priority, ranked low < medium < high < critical",
});
