import { Field, ObjectType, registerEnumType } from "type-graphql";
import { CallerKind } from "../../src/auth/caller";
import { UserRole } from "../enums/user-role.enum";
import { User } from "./user.type";

registerEnumType(CallerKind, { name: "CallerKind", description: "How the caller authenticated" });

/** Who is calling: answered by `Query.me`. */
@ObjectType("Caller", { description: "Who is calling, and with which role" })
export class Caller {
  @Field(() => CallerKind) kind!: CallerKind;

  @Field(() => UserRole) role!: UserRole;

  @Field(() => User, {
    nullable: true,
    description: "The user of a JWT; null for API keys and anonymous callers",
  })
  user!: User | null;

  @Field(() => String, { nullable: true, description: "The name of the API key, for API-key callers" })
  apiKeyName!: string | null;
}
