import { registerEnumType } from "type-graphql";
import { UserRole } from "../../src/domain/user-role.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { UserRole };

registerEnumType(UserRole, { name: "UserRole", description: "Role of a user" });
