import { registerEnumType } from "type-graphql";
import { CaseStatus } from "../../src/domain/case-status.enum";

// The plain enum lives in src/domain/ so that the data layer need not load type-graphql;
// importing it from here registers it with the schema.
export { CaseStatus };

registerEnumType(CaseStatus, { name: "CaseStatus", description: "Workflow state of a case" });
