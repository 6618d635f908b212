import type { ClassType } from "type-graphql";
import { Alert } from "../schema/types/alert.type";
import { Case } from "../schema/types/case.type";
import { User } from "../schema/types/user.type";
import type { WriteOrigin } from "../src/audit/audit-trail";
import { type GatewayContext, writeOrigin } from "../src/context";
import type { AlertDocument } from "../src/db/alert.document";
import type { CaseDocument } from "../src/db/case.document";
import type { UserDocument } from "../src/db/user.document";
import type { AlertRecord } from "../src/domain/alert.record";
import type { CaseRecord } from "../src/domain/case.record";
import type { UserRecord } from "../src/domain/user.record";
import type { GatewayLoaders } from "../src/loaders/gateway-loaders";
import { forgetAlert, forgetCase, forgetUser } from "../src/loaders/stale-loaders";
import type { GatewayRepositories } from "../src/repositories/gateway-repositories";
import { toAlert } from "../src/repositories/alert.mapper";
import { toCase } from "../src/repositories/case.mapper";
import { toUser } from "../src/repositories/user.mapper";

/**
 * One kind of audited write: its repository, what it makes stale, and how its document is
 * answered (mapped to a record of the GraphQL type `answeredAs`).
 */
export interface WriteKind<TWrites, TDocument, TRecord> {
  answeredAs: ClassType;
  writes(repositories: GatewayRepositories): TWrites;
  forget(loaders: GatewayLoaders, written: TDocument): void;
  toRecord(written: TDocument): TRecord;
}

export const CASE_WRITE: WriteKind<GatewayRepositories["caseWrites"], CaseDocument, CaseRecord> = {
  answeredAs: Case,
  writes: (repositories) => repositories.caseWrites,
  forget: (loaders, written) => forgetCase(loaders, written._id, written),
  toRecord: toCase,
};

export const ALERT_WRITE: WriteKind<GatewayRepositories["alertWrites"], AlertDocument, AlertRecord> = {
  answeredAs: Alert,
  writes: (repositories) => repositories.alertWrites,
  forget: forgetAlert,
  toRecord: toAlert,
};

export const USER_WRITE: WriteKind<GatewayRepositories["userWrites"], UserDocument, UserRecord> = {
  answeredAs: User,
  writes: (repositories) => repositories.userWrites,
  forget: forgetUser,
  toRecord: toUser,
};

/**
 * What a mutation answers: runs `write` with the request's origin (for the audit trail),
 * tells the request's loaders about the document it wrote, and maps that document.
 */
export async function answerWrite<TWrites, TDocument, TRecord>(
  context: GatewayContext,
  kind: WriteKind<TWrites, TDocument, TRecord>,
  write: (writes: TWrites, origin: WriteOrigin) => Promise<TDocument>,
): Promise<TRecord> {
  const written = await write(kind.writes(context.repositories), writeOrigin(context));
  kind.forget(context.loaders, written);
  return kind.toRecord(written);
}
