import { Authorized, Field, ObjectType } from "type-graphql";
import { RULES, SELF } from "../../src/auth/auth-checker";
import { UserRole } from "../enums/user-role.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import { StoredEntity } from "./stored-entity.type";
import type { UserRecord } from "../../src/domain/user.record";

/**
 * Someone who works cases. Built by toUser (src/repositories/user.mapper.ts);
 * assignedCases and openCaseCount are field resolvers.
 */
@ObjectType("User", { description: "Someone who works cases" })
export class User extends StoredEntity implements UserRecord {
  // Only administrators and the user themself (src/auth/auth-checker.ts).
  @Authorized(RULES.ADMIN, SELF)
  @Field(() => String, { description: "Visible to ADMIN and to the user themself; FORBIDDEN to others" })
  email!: string;

  @Field(() => String) name!: string;

  @Field(() => UserRole) role!: UserRole;

  @Field(() => JSONObjectScalar) settings!: Record<string, unknown>;

  @Field(() => DateTimeScalar) createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true }) lastLogin!: Date | null;
}
