import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, type ClassType, type Complexity, Ctx, Root, Subscription } from "type-graphql";
import { subscriptionArguments } from "../schema/arguments/subscription-arguments";
import type { UserRole } from "../src/domain/user-role.enum";
import { createGatewayLoaders } from "../src/loaders/gateway-loaders";
import type { LiveContext } from "../src/live/live-context";
import type { LiveService } from "../src/live/live-service";
import { defineResolverMethod } from "./define-resolver-method";

/** One subscription declared as data: who may subscribe, its type and arguments, and its live feed. */
export interface LiveSubscription<TArguments extends object> {
  rule: UserRole;
  /** An object type, or a list of one. */
  returns: ClassType | [ClassType];
  description: string;
  complexity?: Complexity;
  arguments: ClassType<TArguments>;
  /** The classes of the arguments that are input objects, so that they are validated as theirs. */
  nested?: Partial<Record<keyof TArguments, ClassType>>;
  /** Asks the live service for the feed, once the arguments are validated. */
  start(args: TArguments, live: LiveService, info: GraphQLResolveInfo): Promise<AsyncIterable<unknown>>;
  /**
   * The events carry records whose relations are resolved through loaders: each event is then
   * answered as a request of its own, so relations are loaded afresh, never from an earlier
   * event's cache.
   */
  hasRelations?: boolean;
}

/**
 * Defines each declared subscription on the decorated resolver class (graphql-ws on /graphql,
 * see src/live/subscription-server.ts). Its `subscribe` checks the role (@Authorized runs before
 * it) and validates the arguments before anything is watched, then hands over to the live
 * service; the method runs once per event and answers the event.
 */
export function LiveSubscriptions<TArguments extends Record<string, object>>(subscriptions: {
  [Name in keyof TArguments]: LiveSubscription<TArguments[Name]>;
}): ClassDecorator {
  return (target) => {
    for (const [name, subscription] of Object.entries<LiveSubscription<object>>(subscriptions)) {
      const { arguments: ArgumentsClass, nested = {}, start } = subscription;
      defineResolverMethod(
        target,
        name,
        (event: unknown, _args: object, context: LiveContext) => {
          if (subscription.hasRelations) context.loaders = createGatewayLoaders(context.repositories);
          return event;
        },
        [
          Authorized(subscription.rule),
          Subscription(() => subscription.returns, {
            description: subscription.description,
            complexity: subscription.complexity,
            subscribe: async ({ args, context, info }) =>
              start(
                await subscriptionArguments(ArgumentsClass, args, context, nested),
                (context as LiveContext).live,
                info,
              ),
          }),
        ],
        [Root(), Args(() => ArgumentsClass), Ctx()],
      );
    }
  };
}
