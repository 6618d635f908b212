import type { PubSub } from "type-graphql";

/**
 * type-graphql refuses to build a schema with subscriptions without a PubSub, but every
 * subscription of the gateway brings its own `subscribe` (backed by src/live), so
 * nothing may ever publish or subscribe through this one.
 */
export const unusedPubSub: PubSub = {
  publish() {
    throw new Error("The gateway's subscriptions do not use type-graphql's PubSub (see src/live)");
  },
  subscribe() {
    throw new Error("The gateway's subscriptions do not use type-graphql's PubSub (see src/live)");
  },
};
