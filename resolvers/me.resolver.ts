import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import { Caller } from "../schema/types/caller.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { parseObjectId } from "../src/db/parse-object-id";

/** The caller of the request. */
@Resolver(() => Caller)
export class MeResolver {
  @Authorized(RULES.VIEWER)
  @Query(() => Caller, { description: "Who is calling: kind, role, and the user (JWT) or API key name" })
  async me(@Ctx() { caller, loaders }: GatewayContext): Promise<Caller> {
    const { identity } = caller;
    const me = new Caller();
    me.kind = identity.kind;
    me.role = identity.role;
    me.user = identity.userId ? await loaders.userById.load(parseObjectId(identity.userId, "sub")) : null;
    me.apiKeyName = identity.apiKeyName ?? null;
    return me;
  }
}
