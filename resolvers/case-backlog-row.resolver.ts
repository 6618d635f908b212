import { Resolver } from "type-graphql";
import { CaseBacklogRow } from "../schema/types/case-backlog-row.type";
import { caseRowAssigneeResolver } from "./case-row-assignee.resolver-factory";

/** The assignee of a caseBacklog row (one batched lookup for all rows). */
@Resolver(() => CaseBacklogRow)
export class CaseBacklogRowResolver extends caseRowAssigneeResolver(CaseBacklogRow) {}
