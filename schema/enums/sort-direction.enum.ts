import { registerEnumType } from "type-graphql";
import { SortDirection } from "../../src/domain/sort-direction.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { SortDirection };

registerEnumType(SortDirection, { name: "SortDirection", description: "Ascending or descending order" });
