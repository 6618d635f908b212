import { ArgsType } from "type-graphql";
import { UPDATE_USER_FIELDS, UpdateUserInput } from "../inputs/update-user.input";
import { updateArgumentsType } from "./update.arguments-factory";

/** Arguments of `Mutation.updateUser`. */
@ArgsType()
export class UpdateUserArguments extends updateArgumentsType(UpdateUserInput, UPDATE_USER_FIELDS) {}
