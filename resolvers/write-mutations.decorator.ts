import type { ObjectId } from "mongodb";
import { Args, type ClassType, Ctx, Mutation } from "type-graphql";
import type { WriteOrigin } from "../src/audit/audit-trail";
import type { GatewayContext } from "../src/context";
import { parseObjectId } from "../src/db/parse-object-id";
import { answerWrite, type WriteKind } from "./answer-write";
import { defineResolverMethod } from "./define-resolver-method";

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
  return (target) => {
    for (const [name, mutation] of Object.entries<WriteMutation<TWrites, TDocument, object>>(mutations)) {
      defineResolverMethod(
        target,
        name,
        (args: object, context: GatewayContext) =>
          answerWrite(context, kind, (writes, origin) => mutation.write(writes, args, origin)),
        [Mutation(() => kind.answeredAs, { description: mutation.description })],
        [Args(() => mutation.arguments), Ctx()],
      );
    }
  };
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
