import { ArgsType } from "type-graphql";
import { UPDATE_CASE_FIELDS, UpdateCaseInput } from "../inputs/update-case.input";
import { updateArgumentsType } from "./update.arguments-factory";

/** Arguments of `Mutation.updateCase`. */
@ArgsType()
export class UpdateCaseArguments extends updateArgumentsType(UpdateCaseInput, UPDATE_CASE_FIELDS) {}
