import { Authorized, Args, Ctx, Query, Resolver } from "type-graphql";
import { AuditLogArguments } from "../schema/arguments/audit-log.arguments";
import { AuditLogConnection } from "../schema/types/audit-log-connection.type";
import { AuditLogEntry } from "../schema/types/audit-log-entry.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import type { Page } from "../src/repositories/page";

/** The audit trail of the write API. */
@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  @Authorized(RULES.ADMIN)
  @Query(() => AuditLogConnection, {
    description: "Audit entries of mutations, newest first, one page at a time; entries are kept for 90 days",
  })
  auditLog(
    @Args(() => AuditLogArguments) args: AuditLogArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<Page<AuditLogEntry>> {
    return repositories.auditLog.page(args);
  }
}
