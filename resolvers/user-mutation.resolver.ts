import { Authorized, Resolver } from "type-graphql";
import { CreateUserArguments } from "../schema/arguments/create-user.arguments";
import { UpdateUserArguments } from "../schema/arguments/update-user.arguments";
import { UpdateUserRoleArguments } from "../schema/arguments/update-user-role.arguments";
import { User } from "../schema/types/user.type";
import { RULES } from "../src/auth/auth-checker";
import { parseObjectId } from "../src/db/parse-object-id";
import { USER_WRITE } from "./answer-write";
import { createMutation, updateMutation, WriteMutations } from "./write-mutations.decorator";

/** Writes of users, for ADMIN only; each answers the user as stored after the write and is audited. */
@Authorized(RULES.ADMIN)
@Resolver(() => User)
@WriteMutations(USER_WRITE, {
  createUser: createMutation(
    CreateUserArguments,
    "Creates a user; an email that another user has (compared lower-cased) is CONFLICT",
  ),
  updateUser: updateMutation(UpdateUserArguments, "Changes the name and/or settings of a user"),
  updateUserRole: {
    arguments: UpdateUserRoleArguments,
    description: "Changes the role of a user",
    write: (writes, { id, role }, origin) => writes.updateRole(parseObjectId(id, "id"), role, origin),
  },
})
export class UserMutationResolver {}
