import { IsMongoId } from "class-validator";
import { Field, type FieldOptions, ID } from "type-graphql";
import { VALIDATION_MESSAGES } from "./validation-messages";

/** A field or argument of type `ID` that must be an ObjectId's 24 hex digits (BAD_USER_INPUT otherwise). */
export function IdField(options: FieldOptions = {}): PropertyDecorator {
  const field = Field(() => ID, options);
  const isMongoId = IsMongoId({ message: VALIDATION_MESSAGES.objectId });
  return (target, property) => {
    isMongoId(target, property);
    field(target, property);
  };
}
