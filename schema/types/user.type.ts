import type { ObjectId } from "mongodb";
import { Field, ID, ObjectType } from "type-graphql";
import { UserRole } from "../enums/user-role.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { JSONObjectScalar } from "../scalars/json-object.scalar";

/**
 * Someone who works cases. Built by toUser (src/repositories/user.mapper.ts);
 * assignedCases and openCaseCount are field resolvers.
 */
@ObjectType("User", { description: "Someone who works cases" })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => JSONObjectScalar)
  settings!: Record<string, unknown>;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastLogin!: Date | null;

  objectId!: ObjectId;
}
