import type { ObjectId } from "mongodb";
import type { ClassType } from "type-graphql";
import { Alert } from "../schema/types/alert.type";
import { Case } from "../schema/types/case.type";
import { User } from "../schema/types/user.type";
import type { WriteOrigin } from "../src/audit/audit-trail";
import { type GatewayContext, writeOrigin } from "../src/context";
import type { AlertDocument } from "../src/db/alert.document";
import type { CaseDocument } from "../src/db/case.document";
import { parseObjectId } from "../src/db/parse-object-id";
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
import { type RootField, RootFields } from "./root-fields.decorator";

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

/** One write mutation of a kind: its arguments class, its description and its repository call. */
export interface WriteMutation<TWrites, TDocument, TArguments extends object> {
  arguments: ClassType<TArguments>;
  description: string;
  write(writes: TWrites, args: TArguments, origin: WriteOrigin): Promise<TDocument>;
}

/**
 * Declares the write mutations of one kind on the decorated resolver class: each answers
 * `kind.answeredAs` through answerWrite (audited, loaders told, document mapped). The class's
 * `@Authorized` rule covers them.
 */
export function WriteMutations<TWrites, TDocument, TRecord, TArguments extends Record<string, object>>(
  kind: WriteKind<TWrites, TDocument, TRecord>,
  mutations: { [Name in keyof TArguments]: WriteMutation<TWrites, TDocument, TArguments[Name]> },
): ClassDecorator {
  const fields: Record<string, RootField> = {};
  for (const [name, mutation] of Object.entries<WriteMutation<TWrites, TDocument, object>>(mutations)) {
    fields[name] = {
      operation: "mutation",
      returns: kind.answeredAs,
      options: { description: mutation.description },
      arguments: mutation.arguments,
      resolve: (args, context) =>
        answerWrite(context, kind, (writes, origin) => mutation.write(writes, args, origin)),
    };
  }
  return RootFields(fields);
}

/**
 * The declaration of the write mutations whose repository call every kind makes alike: each
 * takes its arguments class and description, `write` is the call.
 */
function conventionalMutation<TWrites, TDocument, TArguments extends object>(
  write: (writes: TWrites, args: TArguments, origin: WriteOrigin) => Promise<TDocument>,
): (
  ArgumentsClass: ClassType<TArguments>,
  description: string,
) => WriteMutation<TWrites, TDocument, TArguments> {
  return (ArgumentsClass, description) => ({ arguments: ArgumentsClass, description, write });
}

/** `createX(input:)`: the kind's `create` with the input. */
export const createMutation = conventionalMutation(
  <TInput, TDocument>(
    writes: { create(input: TInput, origin: WriteOrigin): Promise<TDocument> },
    { input }: { input: TInput },
    origin: WriteOrigin,
  ) => writes.create(input, origin),
);

/** `updateX(id:, input:)`: the kind's `update` of the record with this id, with the input. */
export const updateMutation = conventionalMutation(
  <TInput, TDocument>(
    writes: { update(id: ObjectId, input: TInput, origin: WriteOrigin): Promise<TDocument> },
    { id, input }: { id: string; input: TInput },
    origin: WriteOrigin,
  ) => writes.update(parseObjectId(id, "id"), input, origin),
);
